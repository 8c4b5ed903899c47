using PolicyLedger.Cli.Commands;

namespace PolicyLedger.Tests.Cli;

/// <summary>
/// The Chinese help wrapped to the terminal's columns (<see cref="CommandLineWords.Wrap"/>): System.CommandLine wraps
/// at spaces and counts characters, so a Chinese description, without spaces and two columns a character, ran past
/// the terminal's edge and the terminal broke it at its first column.
/// </summary>
public class HelpWrapTests
{
    private const string Option = "  --aliases <aliases>  别名文件（YAML），或每个辖区一个文件的文件夹（某某区.yaml），用于更正或补充单位的解析。缺省取 $POLICYLEDGER_ALIASES，再缺省为 ./aliases/。";

    /// <summary>Terminal columns: two for a Han character or a full-width mark, one otherwise (the text here has no others).</summary>
    private static int Columns(string line) => line.Sum(c => c is >= '\u3000' and <= '\u9FFF' or >= '\uFF00' and <= '\uFF60' ? 2 : 1);

    private static bool IsRun(char c) => c is > ' ' and <= '~';

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(45)]
    public void A_long_description_is_wrapped_under_its_own_column_within_the_width(int width)
    {
        var lines = CommandLineWords.Wrap(Option, width).Split('\n');
        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(Columns(l) <= width, $"{Columns(l)} columns: {l}"));
        Assert.StartsWith("  --aliases <aliases>  别名文件", lines[0], StringComparison.Ordinal);
        var column = "  --aliases <aliases>  ".Length;
        Assert.All(lines.Skip(1), l => Assert.True(l.Length > column && l[..column].Trim().Length == 0 && l[column] != ' ', l));

        // Nothing lost or added: the pieces, joined, are the line.
        Assert.Equal(Option.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Latin_runs_are_not_split_and_no_piece_starts_with_a_closing_mark_or_ends_with_an_opening_one()
    {
        // From 45 columns the description's 22 leave room for the longest run ($POLICYLEDGER_ALIASES, 21).
        foreach (var width in Enumerable.Range(45, 50))
        {
            var lines = CommandLineWords.Wrap(Option, width).Split('\n');
            for (var k = 0; k + 1 < lines.Length; k++)
            {
                // A run split between two pieces only where the first piece is that run alone (no room for it and its mark).
                var (end, next) = (lines[k][^1], lines[k + 1].TrimStart()[0]);
                if (IsRun(end) && IsRun(next))
                {
                    Assert.True(lines[k].TrimStart().All(IsRun), $"{width}: {lines[k]} | {lines[k + 1]}");
                }
            }

            Assert.All(lines.Skip(1), l => Assert.False("，。、；：）".Contains(l.TrimStart()[0], StringComparison.Ordinal), $"{width}: {l}"));
            Assert.All(lines, l => Assert.False("（“".Contains(l[^1], StringComparison.Ordinal), $"{width}: {l}"));
        }
    }

    [Fact]
    public void A_run_wider_than_the_room_is_split_rather_than_run_past_the_edge()
    {
        var lines = CommandLineWords.Wrap(Option, 40).Split('\n');
        Assert.All(lines, l => Assert.True(Columns(l) <= 40, l));
    }

    [Fact]
    public void Lines_that_fit_headings_and_line_ends_are_left_as_they_are()
    {
        var help = "说明:\r\n  对比同一政策的各地版本。\r\n\r\n用法:\n  policyledger compare <DOCUMENT>... [选项]\n";
        Assert.Equal(help, CommandLineWords.Wrap(help, 80));
    }

    [Fact]
    public void A_line_without_a_name_column_wraps_under_its_indent()
    {
        var line = "  " + string.Concat(Enumerable.Repeat("把政策文件读成任务台账，", 6));
        var lines = CommandLineWords.Wrap(line, 40).Split('\n');
        Assert.True(lines.Length >= 4);
        Assert.All(lines, l => Assert.True(Columns(l) <= 40 && l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ', l));
    }
}
