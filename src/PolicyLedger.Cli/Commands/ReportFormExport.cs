using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Forms;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger export --xlsx FILE --form --unit U --period 2024Q2 [--jurisdiction J]</c>: a unit's report form
/// (its items, targets, last report, empty columns to fill), read back by <c>progress import</c>.
/// </summary>
internal static class ReportFormExport
{
    public static (Option<bool> Form, Option<string?> Period) AddOptions(Command export, Texts t)
    {
        var form = new Option<bool>("--form")
        {
            Description = t.T(
                "导出一个单位某一期间的报送表（需同时给 --unit 和 --period），而不是台账。",
                "Write a unit's report form for a period (needs --unit and --period) instead of the ledger."),
        };
        var period = new Option<string?>("--period")
        {
            Description = t.T(
                "与 --form 同用：报送的期间（2024Q2、2024-05、2024H1）。",
                "With --form: the period reported on (2024Q2, 2024-05, 2024H1)."),
        };
        export.Options.Add(form);
        export.Options.Add(period);
        return (form, period);
    }

    /// <returns>0 when written, 1 when it cannot be written, 2 for a bad unit, period or ledger, 3 when not allowed.</returns>
    public static Task<int> RunAsync(LedgerDatabase database, string path, string? unit, string? periodText, TrackingScope scope, string? by, CliIo io, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            io.Err.Line(io.Err.T("policyledger：--form 需要 --unit（单位名称或编号）", "policyledger: --form needs --unit (the unit's name or key)"));
            return Task.FromResult(2);
        }

        if (!TrackingAccess.TryPeriod(periodText, io, out var period))
        {
            return Task.FromResult(2);
        }

        return TrackingAccess.RunAsync(database, by, "export form", io, async (services, actor) =>
        {
            var form = await services.GetRequiredService<FormService>().FormAsync(actor, unit, period, scope, ct);
            if (!form.Ok)
            {
                return TrackingAccess.Fail(io, form.Problem);
            }

            try
            {
                ReportFormWriter.Write(form.Value, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Err.Line(io.Err.T($"{path}：无法写入填报表：{e.Message}", $"{path}: cannot write the form: {e.Message}"));
                return 1;
            }

            io.Out.Line(io.Out.T($"{path}：{form.Value.Unit}（{form.Value.UnitKey}）{period}进展填报表，{form.Value.Items.Count}项", $"{path}: report form of {form.Value.Unit} ({form.Value.UnitKey}) for {period}, {form.Value.Items.Count} items"));
            return 0;
        }, ct);
    }
}
