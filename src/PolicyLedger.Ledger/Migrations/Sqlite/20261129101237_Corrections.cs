using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Corrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "corrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ItemNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    ItemText = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PreviousFingerprint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NextFingerprint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    NewItemId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    NextItemId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    NextItemText = table.Column<string>(type: "TEXT", nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    Why = table.Column<string>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UnitsFingerprint = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    StateReason = table.Column<string>(type: "TEXT", nullable: true),
                    StateItem = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ItemNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    ItemText = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "correction_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CorrectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Mention = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correction_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_correction_units_corrections_CorrectionId",
                        column: x => x.CorrectionId,
                        principalTable: "corrections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_correction_units_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_correction_units_CorrectionId_Ordinal",
                table: "correction_units",
                columns: new[] { "CorrectionId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_correction_units_UnitId",
                table: "correction_units",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_corrections_DocumentKey_ItemId",
                table: "corrections",
                columns: new[] { "DocumentKey", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_review_checks_DocumentKey_ItemId",
                table: "review_checks",
                columns: new[] { "DocumentKey", "ItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correction_units");

            migrationBuilder.DropTable(
                name: "review_checks");

            migrationBuilder.DropTable(
                name: "corrections");
        }
    }
}
