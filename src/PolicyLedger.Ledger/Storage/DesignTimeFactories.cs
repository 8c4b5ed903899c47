using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyLedger.Ledger.Storage;

// Used only when scaffolding migrations (tools/PolicyLedger.MigrationTool); no database is opened.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLedgerContext>
{
    public SqliteLedgerContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLedgerContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLedgerContext>
{
    public PostgresLedgerContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLedgerContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
