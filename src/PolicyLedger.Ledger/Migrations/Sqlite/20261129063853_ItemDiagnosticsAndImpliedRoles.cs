using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GovernsStart",
                table: "responsibilities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GovernsText",
                table: "responsibilities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Implied",
                table: "responsibilities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "item_diagnostics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    SpanStart = table.Column<int>(type: "INTEGER", nullable: true),
                    SpanLength = table.Column<int>(type: "INTEGER", nullable: true)
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
