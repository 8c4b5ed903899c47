using System.CommandLine;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Forms;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger export --xlsx FILE --form --unit U --period 2024Q2</c>: a unit's report form (its items, targets,
/// last report, empty columns to fill), read back by <c>progress import</c>.
/// </summary>
internal static class ReportFormExport
{
    public static (Option<bool> Form, Option<string?> Period) AddOptions(Command export)
    {
        var form = new Option<bool>("--form") { Description = "Write a unit's report form for a period (needs --unit and --period) instead of the ledger." };
        var period = new Option<string?>("--period") { Description = "With --form: the period reported on (2024Q2, 2024-05, 2024H1)." };
        export.Options.Add(form);
        export.Options.Add(period);
        return (form, period);
    }

    /// <returns>0 when written, 1 when it cannot be written, 2 for a bad unit, period or ledger.</returns>
    public static Task<int> RunAsync(LedgerDatabase database, string path, string? unit, string? periodText, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            errors.WriteLine("policyledger: --form needs --unit (the unit's exact name or key)");
            return Task.FromResult(2);
        }

        if (!TrackingAccess.TryPeriod(periodText, errors, out var period))
        {
            return Task.FromResult(2);
        }

        return TrackingAccess.RunAsync(database, null, "export form", errors, async (service, _) =>
        {
            var form = await service.FormAsync(unit, period, ct);
            if (form is null)
            {
                await errors.WriteLineAsync($"policyledger: no unit named {unit}");
                return 2;
            }

            try
            {
                ReportFormWriter.Write(form, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"{path}: cannot write the form: {e.Message}");
                return 1;
            }

            await output.WriteLineAsync($"{path}: report form of {form.Unit} for {period}, {form.Items.Count} items");
            return 0;
        }, ct);
    }
}
