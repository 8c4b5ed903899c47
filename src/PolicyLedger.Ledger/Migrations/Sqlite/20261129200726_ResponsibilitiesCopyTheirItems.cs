using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResponsibilitiesCopyTheirItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_responsibilities_UnitId_ItemId_Role",
                table: "responsibilities");

            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "responsibilities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ItemKey",
                table: "responsibilities",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ItemOrdinal",
                table: "responsibilities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ItemTimeCount",
                table: "responsibilities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The rows stored before: their items' values copied (the same SQL on both providers).
            migrationBuilder.Sql("""
                UPDATE responsibilities SET
                    "DocumentId" = (SELECT i."DocumentId" FROM items AS i WHERE i."Id" = responsibilities."ItemId"),
                    "ItemOrdinal" = (SELECT i."Ordinal" FROM items AS i WHERE i."Id" = responsibilities."ItemId"),
                    "ItemKey" = (SELECT i."Key" FROM items AS i WHERE i."Id" = responsibilities."ItemId"),
                    "ItemTimeCount" = (SELECT COUNT(*) FROM times AS t WHERE t."ItemId" = responsibilities."ItemId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_DocumentId",
                table: "responsibilities",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_UnitId_ItemId_Role_DocumentId_ItemOrdinal_ItemKey_ItemTimeCount",
                table: "responsibilities",
                columns: new[] { "UnitId", "ItemId", "Role", "DocumentId", "ItemOrdinal", "ItemKey", "ItemTimeCount" });

            migrationBuilder.AddForeignKey(
                name: "FK_responsibilities_documents_DocumentId",
                table: "responsibilities",
                column: "DocumentId",
                principalTable: "documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_responsibilities_documents_DocumentId",
                table: "responsibilities");

            migrationBuilder.DropIndex(
                name: "IX_responsibilities_DocumentId",
                table: "responsibilities");

            migrationBuilder.DropIndex(
                name: "IX_responsibilities_UnitId_ItemId_Role_DocumentId_ItemOrdinal_ItemKey_ItemTimeCount",
                table: "responsibilities");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "responsibilities");

            migrationBuilder.DropColumn(
                name: "ItemKey",
                table: "responsibilities");

            migrationBuilder.DropColumn(
                name: "ItemOrdinal",
                table: "responsibilities");

            migrationBuilder.DropColumn(
                name: "ItemTimeCount",
                table: "responsibilities");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_UnitId_ItemId_Role",
                table: "responsibilities",
                columns: new[] { "UnitId", "ItemId", "Role" });
        }
    }
}
