#if BEFORE_READING
extern alias before;
using System.Diagnostics;
using System.Globalization;
using Old = before::PolicyLedger.Reading;
using OldQuantities = before::PolicyLedger.Reading.Quantities;
using OldText = before::PolicyLedger.Reading.Text;

namespace PolicyLedger.Bench;

/// <summary>
/// The before/after comparison for a loaded machine: the same work as <see cref="BeforeAfterBenchmarks"/>, the two sides
/// interleaved round by round (ABBA), timed in processor time rather than wall-clock time, and reported as the median of
/// the per-round ratios with quartiles. On the shared 2-core machine with a load of 30–50, BenchmarkDotNet's wall-clock
/// means vary by 50–100 % between iterations; the per-round processor-time ratios vary by a few percent.
/// </summary>
public static class BeforeAfterCpu
{
    public static int Run(int rounds)
    {
        var corpus = Corpus.Load();
        var lines = corpus.SelectMany(c => Reading.Text.TextNormalizer.SplitLines(c.Text)).Where(l => !l.IsBlank).Select(l => l.Text).ToArray();
        var oldLines = corpus.SelectMany(c => OldText.TextNormalizer.SplitLines(c.Text)).Where(l => !l.IsBlank).Select(l => l.Text).ToArray();
        var context = new Reading.Quantities.TimeContext(2023, 2023);
        var oldContext = new OldQuantities.TimeContext(2023, 2023);
        var work = new (string Name, Action Before, Action After, int Passes)[]
        {
            ("quantities", () => Array.ForEach(oldLines, l => OldQuantities.QuantityReader.Read(l)), () => Array.ForEach(lines, l => Reading.Quantities.QuantityReader.Read(l)), 40),
            ("times", () => Array.ForEach(oldLines, l => OldQuantities.TimeReader.Read(l, oldContext)), () => Array.ForEach(lines, l => Reading.Quantities.TimeReader.Read(l, context)), 80),
            ("read", () => corpus.ToList().ForEach(c => Old.PolicyReader.Default.ReadText(c.Name, c.Text)), () => corpus.ToList().ForEach(c => Reading.PolicyReader.Default.ReadText(c.Name, c.Text)), 10),
        };

        using var process = Process.GetCurrentProcess();
        double Cpu(Action action, int passes)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var i = 0; i < passes; i++)
            {
                action();
            }

            process.Refresh();
            return (process.TotalProcessorTime - start).TotalMilliseconds / passes;
        }

        foreach (var w in work)
        {
            w.Before();
            w.After();
        }

        Console.WriteLine($"// corpus: {corpus.Count} files, {lines.Length} lines; {rounds} rounds, the two sides in turn (ABBA)");
        foreach (var w in work)
        {
            var ratios = new List<double>();
            var (before, after) = (new List<double>(), new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                double b, a;
                if (round % 2 == 0)
                {
                    b = Cpu(w.Before, w.Passes);
                    a = Cpu(w.After, w.Passes);
                }
                else
                {
                    a = Cpu(w.After, w.Passes);
                    b = Cpu(w.Before, w.Passes);
                }

                (before, after) = (before.Append(b).ToList(), after.Append(a).ToList());
                ratios.Add(a / b);
            }

            ratios.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{w.Name}: before {Median(before):F2} ms, after {Median(after):F2} ms of processor time per pass; after/before median {ratios[ratios.Count / 2]:F3} (quartiles {ratios[ratios.Count / 4]:F3}–{ratios[3 * ratios.Count / 4]:F3})"));
        }

        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
#endif
