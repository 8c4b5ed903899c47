using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ItemId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ItemNumber = table.Column<int>(type: "integer", nullable: true),
                    ItemText = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PreviousFingerprint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NextFingerprint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Value = table.Column<string>(type: "text", nullable: true),
                    NewItemId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    NextItemId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    NextItemText = table.Column<string>(type: "text", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    Why = table.Column<string>(type: "text", nullable: true),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UnitsFingerprint = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    StateReason = table.Column<string>(type: "text", nullable: true),
                    StateItem = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corrections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ItemId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ItemNumber = table.Column<int>(type: "integer", nullable: true),
                    ItemText = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "correction_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CorrectionId = table.Column<long>(type: "bigint", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Mention = table.Column<string>(type: "text", nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: true)
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
