using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResponsibilitiesByUnitAndItem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_responsibilities_UnitId",
                table: "responsibilities");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_UnitId_ItemId_Role",
                table: "responsibilities",
                columns: new[] { "UnitId", "ItemId", "Role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_responsibilities_UnitId_ItemId_Role",
                table: "responsibilities");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_UnitId",
                table: "responsibilities",
                column: "UnitId");
        }
    }
}
