using System.Globalization;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Cli.Output;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tests.Tracking;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Cli;

/// <summary>Chinese at the terminal: tables that line up, Chinese by default and English on request, one date parser, plain errors.</summary>
public class TrackingCliTests
{
    /// <summary>Columns a terminal gives a string: East Asian wide and full-width characters take two.</summary>
    private static int Columns(string line) => line.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    [Fact]
    public async Task Status_is_a_table_with_chinese_headers_whose_columns_line_up()
    {
        await using var l = await ScopeTests.ThreePlacesAsync();
        var output = new StringWriter();
        Assert.Equal(0, await StatusCommand.RunAsync(l.Database, new StatusQuery(TrackingScope.Default, new DateOnly(2024, 7, 10)), null, "table", null, CliIo.Of(output, new StringWriter())));
        var text = output.ToString();
        Assert.Contains("截至2024-07-10的进展状态（范围：全部）：共6项", text, StringComparison.Ordinal);
        var table = text.Split('\n').Where(s => s.Length > 0 && "╭│├╰".Contains(s[0], StringComparison.Ordinal)).ToList();
        Assert.Contains(table, s => s.Contains("事项编号", StringComparison.Ordinal) && s.Contains("责任单位", StringComparison.Ordinal) && s.Contains("辖区", StringComparison.Ordinal));
        Assert.True(table.Count >= 8);
        Assert.Single(table.Select(Columns).Distinct());
    }

    [Fact]
    public async Task English_is_given_on_request()
    {
        await using var l = await ScopeTests.ThreePlacesAsync();
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(0, await StatusCommand.RunAsync(l.Database, new StatusQuery(TrackingScope.Default, new DateOnly(2024, 7, 10)), null, "table", null, CliIo.Of(output, errors, english: true)));
        Assert.Contains("status as of 2024-07-10", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("deadline", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await StatusCommand.RunAsync(l.Database, new StatusQuery(TrackingScope.Default, new DateOnly(2024, 7, 10), "财政局"), null, "table", null, CliIo.Of(output, errors, english: true)));
        Assert.Contains("unit \"财政局\" matches several units", errors.ToString(), StringComparison.Ordinal);
        Assert.True(Terminal.WantsEnglish(null, v => v == "LANG" ? "en_US.UTF-8" : null));
        Assert.False(Terminal.WantsEnglish(null, v => v == "LANG" ? "zh_CN.UTF-8" : null));
        Assert.False(Terminal.WantsEnglish("zh", v => v == "LANG" ? "en_US.UTF-8" : null));
        Assert.True(Terminal.WantsEnglish("en", _ => null));
    }

    [Theory]
    [InlineData("2024-06-30", "2024-06-30")]
    [InlineData("2024-6-3", "2024-06-03")]
    [InlineData("2024/6/30", "2024-06-30")]
    [InlineData("2024.6.30", "2024-06-30")]
    [InlineData("2024年6月30日", "2024-06-30")]
    [InlineData(" 2024年6月30号 ", "2024-06-30")]
    [InlineData("２０２４年６月３０日", "2024-06-30")]
    [InlineData("2024-02-30", null)]
    [InlineData("2024/6-30", null)]
    [InlineData("30/6/2024", null)]
    [InlineData("", null)]
    [InlineData("二〇二四年六月三十日", null)]
    public void One_date_parser_for_every_option(string text, string? expected)
    {
        Assert.Equal(expected is not null, DateInput.TryParse(text, out var date));
        if (expected is not null)
        {
            Assert.Equal(expected, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("2024年第二季度", "2024Q2")]
    [InlineData("2024年二季度", "2024Q2")]
    [InlineData("2024年5月", "2024-05")]
    [InlineData("2024年上半年", "2024H1")]
    [InlineData("2024年", "2024")]
    [InlineData("2024q2", "2024Q2")]
    public void Periods_are_read_as_people_write_them(string text, string expected) =>
        Assert.Equal(expected, ReportingPeriod.Parse(text).ToString());

    [Fact]
    public void A_blank_or_bad_period_or_date_is_said_in_chinese()
    {
        var errors = new StringWriter();
        var io = CliIo.Of(new StringWriter(), errors);
        Assert.False(TrackingAccess.TryPeriod("", io, out _));
        Assert.False(TrackingAccess.TryPeriod("二季度", io, out _));
        Assert.False(TrackingAccess.TryDate("6/30", io, out _, "--as-of"));
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("policyledger：--period 不能为空：请写作 2024Q2", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("policyledger：--period“二季度”不是期间", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("policyledger：--as-of“6/30”不是日期：请写作 2024-06-30、2024/6/30、2024.6.30 或 2024年6月30日", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("''", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_source_is_named_not_a_raw_database_error()
    {
        await using var l = await ScopeTests.ThreePlacesAsync();
        var errors = new StringWriter();
        Assert.Equal(2, await CadenceCommand.RunAsync(l.Database, new CadenceCommand.Change(999, 1, "month", null, false), TrackingScope.Default, "table", null, CliIo.Of(new StringWriter(), errors)));
        Assert.Contains("没有编号为 999 的来源文件", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FOREIGN KEY", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_text_carries_no_escape_sequences_or_direction_overrides()
    {
        Assert.Equal("a\\u001B[31mred\\u0007 b\tc\nd", Terminal.Clean("a\u001b[31mred\u0007 b\tc\nd"));
        Assert.Equal("a\\u202Eb\\u2066c", Terminal.Clean("a\u202Eb\u2066c"));
        Assert.Equal("财政局", Terminal.Clean("财政局"));
    }

    [Fact]
    public async Task Audit_times_are_local()
    {
        await using var l = await ScopeTests.ThreePlacesAsync();
        var output = new StringWriter();
        Assert.Equal(0, await AuditCommand.RunAsync(l.Database, null, null, 5, "json", null, CliIo.Of(output, new StringWriter())));
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var first = json.RootElement[0];
        Assert.EndsWith("+08:00", first.GetProperty("at").GetString(), StringComparison.Ordinal);
        Assert.True(first.TryGetProperty("entityKey", out _));
        Assert.Contains("+08:00", output.ToString(), StringComparison.Ordinal);
    }
}
