using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;

namespace PolicyLedger.Cli.Commands;

/// <summary>What a correction command acts with: the services of one scope and the acting person.</summary>
internal sealed record CorrectionScope(IServiceProvider Services, Actor Actor)
{
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>
/// The CLI's edge for the review and correction commands: the services composed as for tracking
/// (<see cref="PolicyLedgerServices.AddPolicyLedger"/>) with the unit resolution of imports (the alias files given or
/// found), the acting person (a local administrator: --by, else $POLICYLEDGER_USER, else the OS user), and a database
/// failure said in one sentence.
/// </summary>
internal static class CorrectionAccess
{
    /// <param name="aliases">The alias file or folder given (--aliases), else the default one: corrected units resolve as imported ones do.</param>
    /// <param name="resolution">The resolution already loaded (import's), instead of loading the alias files again.</param>
    public static async Task<int> RunAsync(LedgerDatabase database, string? by, string? aliases, string context, TextWriter errors, Func<CorrectionScope, Task<int>> run, CancellationToken ct, IUnitResolution? resolution = null)
    {
        var units = resolution;
        if (units is null)
        {
            var loaded = LedgerOptions.UnitResolution(LedgerOptions.AliasFile(aliases));
            foreach (var problem in loaded.Aliases.Errors)
            {
                await errors.WriteLineAsync($"{problem} (alias file)");
            }

            units = loaded;
        }

        try
        {
            await using (await database.OpenAsync(ct))
            {
                // Creates the ledger on first use and applies the migrations it lacks.
            }

            var services = new ServiceCollection().AddPolicyLedger(database, TrackingAccess.Clock, TrackingAccess.Zone);
            services.AddSingleton<IUnitResolution>(units);
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var actor = TrackingAccess.ActorFor(by);
            var db = scope.ServiceProvider.GetRequiredService<LedgerContext>();
            db.AuditActor = actor.Name;
            db.AuditContext = context;
            return await run(new CorrectionScope(scope.ServiceProvider, actor));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            await errors.WriteLineAsync(TrackingAccess.DatabaseFailure(database, e, english: false));
            return 2;
        }
    }

    /// <summary>The exit code of a refusal: 3 when the person may not do it, else 1.</summary>
    public static int ExitOf(IEnumerable<PolicyLedger.Ledger.Corrections.CorrectionProblem> problems) =>
        problems.Any(p => p.Code.StartsWith("PL-A", StringComparison.Ordinal)) ? 3 : 1;
}
