using System.CommandLine;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;

namespace PolicyLedger.Cli.Commands;

/// <summary>The options every ledger command shares: where the ledger is (<c>--db</c>, a recursive root option).</summary>
internal sealed class LedgerOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"The ledger: a SQLite file (default ./{LedgerDatabase.DefaultPath}, created on first use) or a PostgreSQL connection string (Host=…;Database=… or postgres://…). Default: ${LedgerDatabase.EnvironmentVariable}, else ./{LedgerDatabase.DefaultPath}.",
        Recursive = true,
    };

    public LedgerDatabase Database(ParseResult parse) => LedgerDatabase.Parse(parse.GetValue(Db));

    /// <summary>How mentions become units. The one place to swap in another resolver.</summary>
    public static IUnitResolution UnitResolution() => new MentionUnitResolution();
}
