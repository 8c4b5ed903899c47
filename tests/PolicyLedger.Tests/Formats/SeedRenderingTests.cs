using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLedger.Formats;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Formats;

/// <summary>
/// Each seed (a real document as text) rendered to .docx (its number marks turned into Word-generated list numbers)
/// and to .pdf (printed with a Chinese font, wrapped, with running heads and page numbers) reads to the same
/// paragraphs, items and roles as the seed text itself.
/// </summary>
public class SeedRenderingTests
{
    private static readonly (Regex Mark, NumberFormatValues Format, string LevelText)[] ListKinds =
    [
        (new Regex(@"^([一二三四五六七八九十]{1,3})、"), NumberFormatValues.ChineseCounting, "%1、"),
        (new Regex(@"^（([一二三四五六七八九十]{1,3})）"), NumberFormatValues.ChineseCounting, "（%1）"),
        (new Regex(@"^(\d{1,3})．(?!\d)"), NumberFormatValues.Decimal, "%1．"),
        (new Regex(@"^(\d{1,3})\.(?!\d)"), NumberFormatValues.Decimal, "%1."),
        (new Regex(@"^(\d{1,3})、"), NumberFormatValues.Decimal, "%1、"),
        (new Regex(@"^（(\d{1,3})）"), NumberFormatValues.Decimal, "（%1）"),
    ];

    [SkippableTheory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void A_seed_as_docx_reads_like_the_seed_text(string seed)
    {
        var text = Seed(seed);
        var (docx, numbered) = Docx(text);

        var result = Agreement.Read($"{seed}.docx", docx);

        Assert.True(numbered > 0 || !ListKinds.Any(k => text.Split('\n').Any(l => k.Mark.IsMatch(l.Trim()))), "no number mark was turned into a Word list number");
        Assert.Equal(Agreement.Paragraphs(text), Agreement.Paragraphs(result.Text));
        Agreement.AssertSameReading(Agreement.ReadText(text), result);
    }

    /// <summary>
    /// The seeds whose items carry "（责任单位：X、Y）" clauses, with those items as rows of a Word task table
    /// (序号 / 工作任务 / 责任单位): the same items with the same units. Item text is not compared: a row's clause is
    /// written in full-width brackets whatever the seed used.
    /// </summary>
    [SkippableTheory]
    [InlineData("001")]
    [InlineData("004")]
    public void A_seed_with_its_tasks_in_a_word_table_reads_to_the_same_items_and_units(string seed)
    {
        var text = Seed(seed);
        var builder = new DocxBuilder();
        var rows = new List<string[]>();
        var tabled = 0;
        void Flush()
        {
            if (rows.Count > 0)
            {
                builder.Table([["序号", "工作任务", "责任单位"], .. rows]);
                tabled += rows.Count;
                rows.Clear();
            }
        }

        foreach (var line in text.Split('\n'))
        {
            var task = TaskLine.Match(line);
            if (task.Success)
            {
                rows.Add([task.Groups[1].Value, task.Groups[2].Value, task.Groups[3].Value]);
                continue;
            }

            Flush();
            builder.Paragraph(line);
        }

        Flush();
        var expected = Agreement.ReadText(text);
        var actual = Agreement.Read($"{seed}.docx", builder.Build());

        Assert.True(tabled > 0, "no item was put in a table");
        Assert.False(actual.HasErrors, string.Join("\n", actual.Diagnostics));
        Assert.Equal(ItemsAndUnits(expected), ItemsAndUnits(actual));
    }

    [SkippableTheory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void A_seed_as_pdf_reads_like_the_seed_text(string seed)
    {
        var text = Seed(seed);
        var pdf = new PdfBuilder { RunningHead = "政策文件汇编（内部资料）" }.Build(text.Split('\n'));

        var result = Agreement.Read($"{seed}.pdf", pdf);

        Assert.Equal(Agreement.Paragraphs(text), Agreement.Paragraphs(result.Text));
        Agreement.AssertSameReading(Agreement.ReadText(text), result);
    }

    private static readonly Regex TaskLine = new(@"^\s*(\d{1,3})[．.](?!\d)(.*?)[（(]责任单位[:：]([^（）()，,；;:：]+)[）)]\s*$");

    private static IReadOnlyList<string> ItemsAndUnits(PolicyLedger.Reading.Syntax.ReadResult result) =>
        result.Documents.SelectMany((d, i) => d.Items.Select(item =>
            $"{i}|{item.Id}|{item.Number}|{string.Join("；", item.Roles.Select(r => $"{r.Role}:{r.Mention}"))}")).ToList();

    private static string Seed(string prefix)
    {
        SharedData.Require();
        var path = Directory.GetFiles(SharedData.Path("seeds"), $"{prefix}_*.txt").Single();
        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The seed as .docx, one paragraph per line; number marks the way Word writes lists become list numbers.</summary>
    private static (byte[] Docx, int Numbered) Docx(string text)
    {
        var builder = new DocxBuilder();
        var abstracts = ListKinds.Select(k => builder.AbstractList((k.Format, k.LevelText))).ToArray();
        var lists = new (int NumId, int Last)?[ListKinds.Length];
        var numbered = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim(' ', '\u3000', '\t');
            var kind = Array.FindIndex(ListKinds, k => k.Mark.IsMatch(trimmed));
            if (kind < 0)
            {
                builder.Paragraph(line);
                continue;
            }

            var (mark, format, levelText) = ListKinds[kind];
            var match = mark.Match(trimmed);
            var n = Parse(match.Groups[1].Value);
            if (levelText.Replace("%1", ListNumbering.Format(n, format), StringComparison.Ordinal) != match.Value)
            {
                builder.Paragraph(line);
                continue;
            }

            if (lists[kind] is not { } list || list.Last != n - 1)
            {
                list = (builder.List(abstracts[kind], startAt: n), n - 1);
            }

            lists[kind] = (list.NumId, n);
            builder.Paragraph(trimmed[match.Length..], list.NumId);
            numbered++;
        }

        return (builder.Build(), numbered);
    }

    private static int Parse(string number)
    {
        if (number.All(char.IsAsciiDigit))
        {
            return int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        }

        const string digits = "〇一二三四五六七八九";
        var tens = number.IndexOf('十', StringComparison.Ordinal);
        if (tens < 0)
        {
            return digits.IndexOf(number[0], StringComparison.Ordinal);
        }

        var high = tens == 0 ? 1 : digits.IndexOf(number[0], StringComparison.Ordinal);
        var low = tens == number.Length - 1 ? 0 : digits.IndexOf(number[^1], StringComparison.Ordinal);
        return high * 10 + low;
    }
}
