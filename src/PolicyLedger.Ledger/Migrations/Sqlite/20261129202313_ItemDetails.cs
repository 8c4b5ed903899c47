using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ItemDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "items",
                type: "TEXT",
                nullable: true);

            // The items stored before: their details built from their rows.
            migrationBuilder.Sql(PolicyLedger.Ledger.Storage.ItemDetails.AllSql(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Details",
                table: "items");
        }
    }
}
