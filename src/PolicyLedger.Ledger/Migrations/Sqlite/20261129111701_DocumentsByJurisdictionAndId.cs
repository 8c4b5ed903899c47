using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyLedger.Ledger.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentsByJurisdictionAndId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_Jurisdiction",
                table: "documents");

            migrationBuilder.CreateIndex(
                name: "IX_documents_Jurisdiction_Id",
                table: "documents",
                columns: new[] { "Jurisdiction", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_Jurisdiction_Id",
                table: "documents");

            migrationBuilder.CreateIndex(
                name: "IX_documents_Jurisdiction",
                table: "documents",
                column: "Jurisdiction");
        }
    }
}
