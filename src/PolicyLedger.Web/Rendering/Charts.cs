using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Web.Rendering;

/// <summary>
/// Charts drawn on the server as SVG (no script, nothing loaded from elsewhere: the Content-Security-Policy allows
/// neither). Colours come from the stylesheet by class (the lights, the states); every chart is an image with a
/// Chinese name for screen readers, and the pages show the same figures in a table beside it. Every text is encoded.
/// </summary>
public static class Charts
{
    private const int LabelWidth = 96;

    /// <summary>One bar per state (all seven, zero included), coloured by its light, with its count and share.</summary>
    public static IHtmlContent StateBars(IReadOnlyList<StateTally> counts, string title)
    {
        ArgumentNullException.ThrowIfNull(counts);
        const int width = 560, row = 30, barArea = width - LabelWidth - 110;
        var total = counts.Sum(c => c.Count);
        var max = Math.Max(1, counts.Max(c => c.Count));
        var svg = Open(width, (row * counts.Count) + 8, title, "chart-states");
        for (var k = 0; k < counts.Count; k++)
        {
            var (state, n) = (counts[k].State, counts[k].Count);
            var y = 4 + (k * row);
            var w = n == 0 ? 0 : Math.Max(2, (int)Math.Round((double)barArea * n / max));
            svg.Append(Text(LabelWidth - 8, y + 19, state.Chinese(), "label", "end"));
            svg.Append(F($"<rect class=\"bar state-{state.Code()} {Show.LightClass(state)}\" x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{w}\" height=\"{row - 10}\" rx=\"3\"><title>"))
               .Append(Enc(F($"{state.Chinese()}：{n} 项"))).Append("</title></rect>");
            svg.Append(Text(LabelWidth + w + 8, y + 19, F($"{n} 项（{Share(n, total)}）"), "value", "start"));
        }

        return Close(svg);
    }

    /// <summary>
    /// The items of each period by light, stacked (green at the bottom, then yellow, red and grey), one column per
    /// period: how the picture changed.
    /// </summary>
    public static IHtmlContent Trend(IReadOnlyList<TrendPoint> points, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        const int height = 230, top = 16, bottom = 44, left = 44;
        var column = 64;
        var gap = 28;
        var width = Math.Max(360, left + (points.Count * (column + gap)) + 16);
        var plot = height - top - bottom;
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Total));
        var svg = Open(width, height, title, "chart-trend");
        foreach (var tick in Ticks(max))
        {
            var y = top + plot - (int)Math.Round((double)plot * tick / max);
            svg.Append(F($"<line class=\"grid\" x1=\"{left}\" x2=\"{width - 8}\" y1=\"{y}\" y2=\"{y}\" />"));
            svg.Append(Text(left - 6, y + 4, tick.ToString(CultureInfo.InvariantCulture), "axis", "end"));
        }

        for (var k = 0; k < points.Count; k++)
        {
            var p = points[k];
            var x = left + gap / 2 + (k * (column + gap));
            var y = top + plot;
            foreach (var light in new[] { TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red, TrafficLight.Grey })
            {
                var n = p.Counts.Where(c => c.State.Light() == light).Sum(c => c.Count);
                if (n == 0)
                {
                    continue;
                }

                var h = Math.Max(1, (int)Math.Round((double)plot * n / max));
                y -= h;
                svg.Append(F($"<rect class=\"bar light-{light.Code()}\" x=\"{x}\" y=\"{y}\" width=\"{column}\" height=\"{h}\"><title>"))
                   .Append(Enc(F($"{p.Period.ToChinese()}（截至{Show.Day(p.At)}）{Show.LightName(light)}：{n} 项"))).Append("</title></rect>");
            }

            svg.Append(Text(x + (column / 2), top + plot + 18, p.Period.ToString(), "axis", "middle"));
            svg.Append(Text(x + (column / 2), top + plot + 36, F($"截至{p.At:M月d日}"), "axis small", "middle"));
        }

        return Close(svg);
    }

    /// <summary>The units as the bulletin ranks them: completion (0–100 %) as a bar, overdue items marked in red.</summary>
    public static IHtmlContent Ranking(IReadOnlyList<UnitLine> units, string title)
    {
        ArgumentNullException.ThrowIfNull(units);
        const int width = 720, row = 26, nameWidth = 230, barArea = 340;
        var svg = Open(width, (row * Math.Max(1, units.Count)) + 30, title, "chart-ranking");
        var x0 = nameWidth + 40;
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var x = x0 + (barArea * tick / 100);
            svg.Append(F($"<line class=\"grid\" x1=\"{x}\" x2=\"{x}\" y1=\"4\" y2=\"{(row * units.Count) + 6}\" />"));
            svg.Append(Text(x, (row * units.Count) + 24, tick + "%", "axis", "middle"));
        }

        for (var k = 0; k < units.Count; k++)
        {
            var u = units[k];
            var y = 4 + (k * row);
            svg.Append(Text(28, y + 17, u.Rank.ToString(CultureInfo.InvariantCulture), "rank", "end"));
            svg.Append(Text(36, y + 17, Clip(u.Unit.Name, 15), "label", "start", u.Unit.Name));
            var w = (int)Math.Round(barArea * (double)Math.Clamp(u.Completion, 0m, 100m) / 100);
            var light = u.Overdue > 0 ? "red" : u.Behind + u.NotReported > 0 ? "yellow" : "green";
            svg.Append(F($"<rect class=\"bar light-{light}\" x=\"{x0}\" y=\"{y + 5}\" width=\"{Math.Max(w, 1)}\" height=\"{row - 10}\" rx=\"3\"><title>"))
               .Append(Enc(F($"{u.Unit.Name}：平均完成 {u.Completion:0.#}%，{u.Items} 项，逾期 {u.Overdue} 项"))).Append("</title></rect>");
            var note = u.Overdue > 0 ? F($"{u.Completion:0.#}%，逾期{u.Overdue}项") : F($"{u.Completion:0.#}%");
            svg.Append(Text(x0 + barArea + 8, y + 17, note, u.Overdue > 0 ? "value overdue" : "value", "start"));
        }

        return Close(svg);
    }

    /// <summary>Round steps for an axis up to <paramref name="max"/> (0 and about four more).</summary>
    public static IReadOnlyList<int> Ticks(int max)
    {
        var step = 1;
        foreach (var s in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000 })
        {
            step = s;
            if (max / s <= 4)
            {
                break;
            }
        }

        var ticks = new List<int>();
        for (var t = 0; t <= max; t += step)
        {
            ticks.Add(t);
        }

        return ticks;
    }

    private static StringBuilder Open(int width, int height, string title, string css)
    {
        var svg = new StringBuilder();
        svg.Append(F($"<svg class=\"chart {css}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\""))
           .Append(Enc(title)).Append("\"><title>").Append(Enc(title)).Append("</title>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Text(int x, int y, string text, string css, string anchor, string? full = null)
    {
        var title = full is not null && full != text ? "<title>" + Enc(full) + "</title>" : "";
        return F($"<text class=\"{css}\" x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">") + title + Enc(text) + "</text>";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Share(int n, int total) => total == 0 ? "0%" : F($"{100.0 * n / total:0.#}%");

    private static string Enc(string text) => MarkedHtml.Html.Encode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
