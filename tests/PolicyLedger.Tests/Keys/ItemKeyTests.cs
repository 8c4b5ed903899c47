using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Tracking.Periods;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Keys;

/// <summary>Document keys (文号, else title and date) and item keys (document#item): how they are made, parsed and matched.</summary>
public class ItemKeyTests
{
    [Theory]
    [InlineData("闽政办〔2024〕7号", "某某市人民政府办公室关于印发…的通知", "2024-03-01", "闽政办〔2024〕7号")]
    [InlineData(" 闽政办 〔2024〕 7号 ", null, null, "闽政办〔2024〕7号")]
    [InlineData(null, "某某区稳经济若干措施", "2023-03-29", "某某区稳经济若干措施（2023-03-29）")]
    [InlineData(null, "某某区稳经济若干措施", null, "某某区稳经济若干措施")]
    [InlineData(null, null, "2023-03-29", "a.txt（第2件）")]
    public void Document_key_is_the_number_else_title_and_date_else_the_file(string? number, string? title, string? date, string expected) =>
        Assert.Equal(expected, DocumentKey.Of(number, title, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "a.txt", 1));

    [Fact]
    public void A_very_long_title_is_cut_but_two_long_titles_keep_different_keys()
    {
        var a = new string('甲', 300) + "一";
        var b = new string('甲', 300) + "二";
        var ka = DocumentKey.Of(null, a, null, "a.txt", 0);
        var kb = DocumentKey.Of(null, b, null, "a.txt", 0);
        Assert.True(ka.Length <= DocumentKey.MaxTitle, ka);
        Assert.NotEqual(ka, kb);
    }

    [Theory]
    [InlineData("济管[2023]19号", "济管〔2023〕19号")]
    [InlineData("济管（2023）19号", "济管〔2023〕19号")]
    [InlineData("济管【2023】19 号", "济管〔2023〕19号")]
    [InlineData("闽政办［２０２４］７号", "闽政办〔2024〕7号")]
    public void Brackets_widths_and_spaces_do_not_matter_when_matching(string typed, string stored) =>
        Assert.Equal(DocumentKey.Normalize(stored), DocumentKey.Normalize(typed));

    [Theory]
    [InlineData("济管〔2023〕19号#12", "济管〔2023〕19号", "12")]
    [InlineData("标题#甲（2023-01-01）#（4）", "标题#甲（2023-01-01）", "（4）")]
    public void Item_keys_split_at_the_last_separator(string text, string document, string item)
    {
        Assert.True(ItemKey.TryParse(text, out var key));
        Assert.Equal(new ItemKey(document, item), key);
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("#12")]
    [InlineData("济管〔2023〕19号#")]
    public void Not_item_keys(string text) => Assert.False(ItemKey.TryParse(text, out _));

    [Theory]
    [InlineData("4", "（4）", 4, true)]
    [InlineData("(4)", "（4）", 4, true)]
    [InlineData("（四）", "（4）", 4, true)]
    [InlineData("十二", "12", 12, true)]
    [InlineData("5", "（4）", 4, false)]
    [InlineData("三、主要任务一", "三、主要任务一", null, true)]
    [InlineData("主要任务一", "三、主要任务一", null, false)]
    public void Item_ids_match_by_text_or_number(string typed, string stored, int? number, bool expected) =>
        Assert.Equal(expected, ItemKey.ItemMatches(typed, stored, number));

    private static TrackedItem Item(long source, int position, string document, string id) => new(
        new ItemKey(document, id).ToString(), source, position, source * 10 + position, source * 100, id, id, document, "甲市", "text", [], null, null, null,
        ItemSchedule.Decide([], 2024, null, new DateOnly(2024, 1, 1)), ReportingCadence.Default);

    [Fact]
    public void Lookup_finds_one_item_by_any_form_and_never_guesses()
    {
        TrackedItem[] items =
        [
            Item(1, 0, "闽政办〔2024〕7号", "1"),
            Item(1, 0, "闽政办〔2024〕7号", "2"),
            Item(2, 0, "某某区措施（2023-03-29）", "1"),
            Item(3, 0, "闽政办〔2024〕7号", "2"), // the same document imported from a second file
        ];
        Assert.Same(items[0], ItemLookup.Find(items, "闽政办[2024]7号#1").Item);
        Assert.Same(items[2], ItemLookup.Find(items, "某某区措施（2023-03-29）#1").Item);
        Assert.Same(items[2], ItemLookup.Find(items, "2#1").Item);

        var (none, why) = ItemLookup.Find(items, "闽政办〔2024〕7号#9");
        Assert.Null(none);
        Assert.Contains("没有编号为", why, StringComparison.Ordinal);

        var (ambiguous, candidates) = ItemLookup.Find(items, "闽政办〔2024〕7号#2");
        Assert.Null(ambiguous);
        Assert.Contains("1#2", candidates, StringComparison.Ordinal);
        Assert.Contains("3#2", candidates, StringComparison.Ordinal);

        Assert.Contains("不是事项编号", ItemLookup.Find(items, "12").Problem, StringComparison.Ordinal);
    }
}
