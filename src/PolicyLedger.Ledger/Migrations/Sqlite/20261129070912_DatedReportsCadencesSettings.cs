using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatedReportsCadencesSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SubmittedOn",
                table: "progress_reports",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "CadenceDueDay",
                table: "documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CadenceKind",
                table: "documents",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CadenceSource",
                table: "documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropColumn(
                name: "SubmittedOn",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "CadenceDueDay",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "CadenceKind",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "CadenceSource",
                table: "documents");
        }
    }
}
