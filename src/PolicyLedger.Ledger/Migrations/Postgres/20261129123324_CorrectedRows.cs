using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CorrectedRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "corrected_documents",
                columns: table => new
                {
                    DocumentId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corrected_documents", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_corrected_documents_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "corrected_rows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    ItemKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StoredItemId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corrected_rows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_corrected_rows_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "corrected_row_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_corrected_row_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_corrected_row_units_corrected_rows_RowId",
                        column: x => x.RowId,
                        principalTable: "corrected_rows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_corrected_row_units_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_corrected_row_units_RowId",
                table: "corrected_row_units",
                column: "RowId");

            migrationBuilder.CreateIndex(
                name: "IX_corrected_row_units_UnitId_RowId",
                table: "corrected_row_units",
                columns: new[] { "UnitId", "RowId" });

            migrationBuilder.CreateIndex(
                name: "IX_corrected_rows_DocumentId_Ordinal",
                table: "corrected_rows",
                columns: new[] { "DocumentId", "Ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "corrected_documents");

            migrationBuilder.DropTable(
                name: "corrected_row_units");

            migrationBuilder.DropTable(
                name: "corrected_rows");
        }
    }
}
