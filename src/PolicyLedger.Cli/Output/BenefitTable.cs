using System.Globalization;
using PolicyLedger.Benefits.Calculation;
using PolicyLedger.Benefits.Expressions;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Benefits.Scenarios;
using Spectre.Console;

namespace PolicyLedger.Cli.Output;

/// <summary>The table form of a benefit result, in Chinese, drawn with Spectre.Console (which measures East Asian width).</summary>
internal static class BenefitTable
{
    public static void Write(BenefitResult result, Scenario scenario, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var name = string.Join("：", new[] { scenario.Id is { } id ? $"情形 {id}" : null, scenario.Title }.OfType<string>());
        console.WriteLine($"惠企政策测算{(name.Length > 0 ? $"（{name}）" : string.Empty)}，评估日 {result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        console.WriteLine();

        var entitled = new Table { Title = new TableTitle($"可以享受（{result.Entitled.Count} 项）"), Border = TableBorder.Square };
        entitled.AddColumns("文件", "条目", "事件", "事项", "金额（元）", "出资方", "算式", "依据条文");
        foreach (var e in result.Entitled)
        {
            entitled.AddRow(Cells(e.Document, e.Item, string.Join("、", e.Events), e.Benefit, Amount(e.Amount, e.Kind, e.Per), e.Payer, e.Arithmetic, Clause(e.Clause)));
        }

        console.Write(entitled);
        console.WriteLine(
            $"合计（定额、不按年按月计）：{Values.Money(result.Total)} 元" +
            (result.TotalUpTo != result.Total ? $"；连同“最高”金额至多 {Values.Money(result.TotalUpTo)} 元" : string.Empty));
        console.WriteLine();

        if (result.NotEntitled.Count > 0)
        {
            var misses = new Table { Title = new TableTitle($"差一点享受（{result.NotEntitled.Count} 项）"), Border = TableBorder.Square };
            misses.AddColumns("文件", "条目", "事件", "事项", "原因", "依据条文");
            foreach (var n in result.NotEntitled)
            {
                misses.AddRow(Cells(n.Document, n.Item, string.Join("、", n.Events), n.Benefit, string.Join("\n", n.Reasons.Select(r => r.ToString())), Clause(n.Clause)));
            }

            console.Write(misses);
            console.WriteLine();
        }

        if (result.Excluded.Count > 0)
        {
            var excluded = new Table { Title = new TableTitle($"按从高不重复未适用（{result.Excluded.Count} 项）"), Border = TableBorder.Square };
            excluded.AddColumns("文件", "条目", "事项", "金额（元）", "适用的", "说明");
            foreach (var x in result.Excluded)
            {
                excluded.AddRow(Cells(x.SetAside.Document, x.SetAside.Item, x.SetAside.Benefit, Amount(x.SetAside.Amount, x.SetAside.Kind, x.SetAside.Per),
                    $"{x.By.Document} {x.By.Item}：{Amount(x.By.Amount, x.By.Kind, x.By.Per)}", x.Why));
            }

            console.Write(excluded);
            console.WriteLine();
        }
    }

    private static string[] Cells(params string[] cells) => cells.Select(Markup.Escape).ToArray();

    /// <summary>7900 · 最高 3000000 · 不低于 75/人/月 · 未载明 · 非资金.</summary>
    public static string Amount(decimal? amount, AmountKind kind, string? per)
    {
        var value = amount is { } a ? Values.Money(a) + (per is null ? string.Empty : $"/{per}") : null;
        return kind switch
        {
            AmountKind.Max => $"最高 {value}",
            AmountKind.Min => $"不低于 {value}",
            AmountKind.NotStated => "未载明",
            AmountKind.NonMonetary => "非资金",
            _ => value ?? "—",
        };
    }

    private static string Clause(ClauseCitation clause) =>
        (clause.Item is { } item ? $"（见{item}）" : string.Empty) + clause.Text
        + (clause.Span is { } s ? $"〔位置 {s.Start}，长 {s.Length}〕" : string.Empty);
}
