using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Cli.Commands;

/// <summary>How a tracking command talks to people: its output and errors, in the language asked for.</summary>
internal sealed record CliIo(Terminal Out, Terminal Err)
{
    public bool English => Out.English;

    public static CliIo Of(TextWriter output, TextWriter errors, bool english = false) => new(new Terminal(output, english), new Terminal(errors, english));
}

/// <summary>
/// The CLI's edge for tracking commands: the only place the system clock and the time zone are handed in, the
/// acting user is named (a local administrator: --by, else $POLICYLEDGER_USER, else the OS user), the services are
/// composed (<see cref="PolicyLedgerServices.AddPolicyLedger"/>) and database failures become one clear sentence.
/// </summary>
internal static class TrackingAccess
{
    public const string TimeZoneVariable = "POLICYLEDGER_TIMEZONE";

    /// <summary>The clock (tests put a fake one here).</summary>
    public static TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The offices' time zone: $POLICYLEDGER_TIMEZONE where it names one, else Asia/Shanghai.</summary>
    public static TimeZoneInfo Zone => TrackingClock.Zone(Environment.GetEnvironmentVariable(TimeZoneVariable)) ?? TrackingClock.DefaultZone;

    public static DateOnly Today => TrackingClock.Today(Clock, Zone);

    public static Actor ActorFor(string? by) => Actor.LocalAdmin(string.IsNullOrWhiteSpace(by) ? LedgerContext.DefaultActor() : by.Trim());

    public static async Task<int> RunAsync(LedgerDatabase database, string? by, string context, CliIo io, Func<IServiceProvider, Actor, Task<int>> run, CancellationToken ct)
    {
        try
        {
            await using (await database.OpenAsync(ct))
            {
                // Creates the ledger on first use and applies the migrations it lacks.
            }

            await using var provider = new ServiceCollection().AddPolicyLedger(database, Clock, Zone).BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var actor = ActorFor(by);
            var db = scope.ServiceProvider.GetRequiredService<LedgerContext>();
            db.AuditActor = actor.Name;
            db.AuditContext = context;
            return await run(scope.ServiceProvider, actor);
        }
        catch (Exception e) when (LedgerAccess.IsLedgerFailure(e))
        {
            io.Err.Line(DatabaseFailure(database, e, io.English));
            return 2;
        }
    }

    /// <summary>
    /// A database failure said plainly: what could not be done, never the driver's raw text. In Chinese it is
    /// <see cref="LedgerErrors.Explain"/>'s sentence (the one the importer and the web app say too).
    /// </summary>
    public static string DatabaseFailure(LedgerDatabase database, Exception e, bool english)
    {
        if (!english)
        {
            return $"policyledger：{LedgerErrors.Explain(e, database)}";
        }

        var inner = e.GetBaseException();
        var en = inner switch
        {
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 14 } => "the ledger file cannot be opened or created (check the path and permissions)",
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => "the ledger is being written by another process; try again shortly",
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 } => "the ledger file is read-only",
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 11 or 26 } => "the ledger file is damaged or not a ledger",
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } => "a referenced record is missing or already there; nothing was saved",
            System.Net.Sockets.SocketException or TimeoutException or Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } => "cannot connect to the PostgreSQL server",
            Npgsql.PostgresException { SqlState: "28P01" or "28000" } => "PostgreSQL refused the login (user or password)",
            Npgsql.PostgresException { SqlState: "3D000" } => "the PostgreSQL database does not exist",
            Npgsql.PostgresException { SqlState: "23503" or "23505" } => "a referenced record is missing or already there; nothing was saved",
            _ => "the ledger operation failed; nothing was saved",
        };
        var code = inner switch
        {
            Microsoft.Data.Sqlite.SqliteException s => $"SQLite {s.SqliteErrorCode}",
            Npgsql.PostgresException p => $"PostgreSQL {p.SqlState}",
            _ => inner.GetType().Name,
        };
        return $"policyledger: cannot use the ledger {database.Display}: {en} ({code})";
    }

    /// <summary>Prints a service's problem and gives the exit code its kind calls for.</summary>
    public static int Fail(CliIo io, Problem problem)
    {
        io.Err.Line($"policyledger: {problem.Code} {problem.In(io.English)}");
        return problem.Kind switch
        {
            ProblemKind.Rejected => 1,
            ProblemKind.Denied => 3,
            _ => 2,
        };
    }

    public static bool TryPeriod(string? text, CliIo io, out ReportingPeriod period, string option = "--period")
    {
        if (ReportingPeriod.TryParse(text, out period))
        {
            return true;
        }

        io.Err.Line(string.IsNullOrWhiteSpace(text)
            ? io.Err.T($"policyledger：{option} 不能为空：{ReportingPeriod.Formats}", $"policyledger: {option} is empty: write 2024Q2, 2024-05, 2024H1 or 2024")
            : io.Err.T($"policyledger：{option}“{text}”不是期间：{ReportingPeriod.Formats}", $"policyledger: {option} '{text}' is not a period: write 2024Q2, 2024-05, 2024H1 or 2024"));
        return false;
    }

    /// <summary>A date option: absent → <paramref name="fallback"/> (default today in the offices' time zone); else one of the accepted forms.</summary>
    public static bool TryDate(string? text, CliIo io, out DateOnly date, string option, DateOnly? fallback = null)
    {
        if (text is null)
        {
            date = fallback ?? Today;
            return true;
        }

        if (DateInput.TryParse(text, out date))
        {
            return true;
        }

        io.Err.Line(io.Err.T($"policyledger：{option}“{text}”不是日期：请写作 {DateInput.Formats}", $"policyledger: {option} '{text}' is not a date: write 2024-06-30, 2024/6/30, 2024.6.30 or 2024年6月30日"));
        return false;
    }

    /// <summary>The scope options every supervision command takes.</summary>
    public sealed record ScopeOptions(Option<string?> Jurisdiction, Option<string?> Document)
    {
        public TrackingScope Of(ParseResult parse) => new(parse.GetValue(Jurisdiction), parse.GetValue(Document));
    }

    public static ScopeOptions AddScope(Command command, Texts t, bool document = true)
    {
        var jurisdiction = new Option<string?>("--jurisdiction")
        {
            Description = t.T(
                "只含此辖区（辖区：某某区 …）；缺省为用 `scope` 保存的范围，再缺省为全部。",
                "Only this jurisdiction (辖区: 某某区 …); default: the scope saved with `scope`, else all."),
        };
        var doc = new Option<string?>("--document") { Description = t.T("只含此文件（写文号或标题）。", "Only this document (its 文号 or title).") };
        command.Options.Add(jurisdiction);
        if (document)
        {
            command.Options.Add(doc);
        }

        return new ScopeOptions(jurisdiction, doc);
    }
}
