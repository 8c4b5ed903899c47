using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ItemDiagnosticsAndImpliedRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GovernsLength",
                table: "responsibilities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GovernsStart",
                table: "responsibilities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GovernsText",
                table: "responsibilities",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Implied",
                table: "responsibilities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "item_diagnostics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    SpanStart = table.Column<int>(type: "integer", nullable: true),
                    SpanLength = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_diagnostics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_item_diagnostics_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_item_diagnostics_Code",
                table: "item_diagnostics",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_item_diagnostics_ItemId_Ordinal",
                table: "item_diagnostics",
                columns: new[] { "ItemId", "Ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "item_diagnostics");

            migrationBuilder.DropColumn(
                name: "GovernsLength",
                table: "responsibilities");

            migrationBuilder.DropColumn(
                name: "GovernsStart",
                table: "responsibilities");

            migrationBuilder.DropColumn(
                name: "GovernsText",
                table: "responsibilities");

            migrationBuilder.DropColumn(
                name: "Implied",
                table: "responsibilities");
        }
    }
}
