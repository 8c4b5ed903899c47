namespace PolicyLedger.Formats.Pdf;

/// <summary>
/// A web page printed to PDF (a browser's footer with the page's address was found among the page furniture) carries
/// the site around the article, which the .html reading leaves out by the page's structure: the page's own title and
/// metadata box (索引号：…, 发布日期：…) above the article, and share buttons, related links and the site's footer
/// below it. Without the structure, they are recognized by their text:
/// <list type="bullet">
/// <item>above: when a title-like line (at least 12 characters, no colon, no full stop) of the first 40 lines comes
/// again (its first 12 characters) after a metadata field (a short label, a colon and a value), everything before its second
/// showing goes;</item>
/// <item>below: from the first line that opens the site's closing parts (starting with 分享到, 相关链接, 【打印本页】,
/// 版权所有 …, or holding 网站标识码, ICP备) to the end.</item>
/// </list>
/// </summary>
internal static class PrintedWebPage
{
    /// <summary>Words a line of a government site's page below the article starts with.</summary>
    private static readonly string[] ClosingStarts = ["分享到", "相关链接", "【打印本页】", "【关闭窗口】", "打印本页", "版权所有"];

    /// <summary>Words only a site's footer holds anywhere in a line.</summary>
    private static readonly string[] ClosingWords = ["网站标识码", "ICP备"];

    public static void Trim(List<List<PdfLine>> pages)
    {
        var lines = pages.SelectMany((p, page) => p.Select(l => (Line: l, Page: page))).ToList();
        var start = ArticleStart(lines.Select(l => l.Line.Text).ToList());
        var end = lines.FindIndex(start, l => IsClosing(l.Line.Text.Replace(" ", "", StringComparison.Ordinal)));
        var keep = lines.Skip(start).Take((end < 0 ? lines.Count : end) - start).Select(l => l.Line).ToHashSet();
        foreach (var page in pages)
        {
            page.RemoveAll(l => !keep.Contains(l));
        }
    }

    /// <summary>A metadata field: a short label and a colon, then its value (索引号：…, 发布日期：…), not a line ending with a colon (主送).</summary>
    private static bool IsMetadata(string text)
    {
        var colon = text.IndexOfAny(['：', ':']);
        return colon is > 0 and <= 6 && colon < text.Length - 1;
    }

    private static bool IsClosing(string text) =>
        ClosingStarts.Any(w => text.StartsWith(w, StringComparison.Ordinal)) || ClosingWords.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static int ArticleStart(IReadOnlyList<string> lines)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var colonSince = false;
        for (var i = 0; i < Math.Min(40, lines.Count); i++)
        {
            // Lines are compared by their first 12 characters: the page shows its title in larger type than the
            // article, so the two may wrap differently.
            var text = lines[i].Replace(" ", "", StringComparison.Ordinal);
            var opening = text.Length >= 12 ? text[..12] : null;
            if (opening is not null && first.ContainsKey(opening) && colonSince)
            {
                return i;
            }

            if (opening is not null && !text.Contains('：') && !text.Contains(':') && !text.Contains('。'))
            {
                first.TryAdd(opening, i);
            }

            colonSince |= first.Count > 0 && IsMetadata(text);
        }

        return 0;
    }
}
