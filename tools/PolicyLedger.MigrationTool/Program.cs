using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;

// Scaffolds a migration for each provider into src/PolicyLedger.Ledger/Migrations/{Sqlite,Postgres}:
//   dotnet run --project tools/PolicyLedger.MigrationTool -- NAME [PROJECT_DIR]
// (what `dotnet ef migrations add` does; dotnet-ef 10 is not served in this workplace.)
#pragma warning disable EF1001 // DesignTimeServicesBuilder and OperationReporter are internal EF Core API, stable enough for a dev tool.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: PolicyLedger.MigrationTool NAME [PROJECT_DIR]");
    return 2;
}

var name = args[0];
var projectDir = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("src", "PolicyLedger.Ledger"));
var assembly = typeof(LedgerContext).Assembly;
var reporter = new OperationReporter(new OperationReportHandler(
    errorHandler: m => Console.Error.WriteLine(m),
    warningHandler: m => Console.Error.WriteLine(m),
    informationHandler: Console.WriteLine));

DbContext[] contexts =
[
    new SqliteDesignTimeFactory().CreateDbContext(args),
    new PostgresDesignTimeFactory().CreateDbContext(args),
];
foreach (var context in contexts)
{
    var provider = context is SqliteLedgerContext ? "Sqlite" : "Postgres";
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, args).Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "PolicyLedger.Ledger", $"Migrations.{provider}", "C#");
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations", provider));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
    context.Dispose();
}

return 0;
