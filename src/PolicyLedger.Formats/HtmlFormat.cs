using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PolicyLedger.Reading.Sources;
using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Formats;

/// <summary>
/// Web pages (.html): the article body of a government policy page, without its menus, footers and scripts.
/// The body is the first known content container of government sites (gov.cn's #UCAP-CONTENT, .pages_content,
/// #zoom, TRS editors' .TRS_Editor …), else the element holding most paragraph text. Paragraphs and &lt;br&gt; become
/// lines, entities are decoded, numbered lists get their numbers, tables become lines (see <see cref="TaskTable"/>).
/// The page's &lt;h1&gt; title opens the text when the article itself does not hold it.
/// </summary>
public sealed partial class HtmlFormat : ISourceFormat
{
    /// <summary>Stack for the HTML parser: its tree builder recurses once per token in some sequences (a start tag
    /// that swallows the newline after it, tags foster-parented out of a table), which the depth limit does not
    /// bound; on a pool thread's small stack a hostile page ended the process with a stack overflow, which nothing
    /// can catch. 128 MB is reserved, not committed: only what the page uses is touched.</summary>
    private const int ParserStack = 128 * 1024 * 1024;

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html)
    {
        AngleSharp.Html.Dom.IHtmlDocument? document = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    document = new HtmlParser().ParseDocument(html);
                }
                catch (Exception e)
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); // rethrown below, on the caller's thread
                }
            },
            ParserStack) { IsBackground = true, Name = "html-parser" };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return document!;
    }

    private static readonly string[] ContentSelectors =
    [
        "#UCAP-CONTENT", ".pages_content", "#zoom", ".TRS_Editor", ".trs_editor_view", ".article-content", ".article_content",
        ".content_text", ".zwnr", ".zw", "#content", ".content", "article", "main", "[role=main]",
    ];

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav", "header", "footer",
        "aside", "form", "button", "select", "input", "textarea", "head", "img", "video", "audio",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "center", "hr", "address", "figure", "figcaption", "tr", "table", "caption", "body",
    };

    private static readonly string[] FurnitureWords = ["nav", "menu", "footer", "foot", "breadcrumb", "crumb", "share", "sidebar", "toolbar", "related", "copyright"];

    static HtmlFormat() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".shtml", ".xhtml"];

    public SourceText Load(string fileName, Stream content) => SourceFormats.Guard("web page", () => Read(fileName, content));

    private SourceText Read(string fileName, Stream content)
    {
        using var buffer = SourceFormats.Buffer(content);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new SourceFormatException("the web page is empty");
        }

        var (html, encoding, decoding) = Decode(fileName, bytes);
        if (decoding.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } refused)
        {
            throw new SourceFormatException(refused.Message);
        }

        if (html.Contains('\0', StringComparison.Ordinal))
        {
            throw new SourceFormatException("not a web page: the file holds binary data");
        }

        var document = Parse(HtmlDepthLimit.Apply(html));
        var body = document.Body ?? throw new SourceFormatException("the web page has no body");
        foreach (var element in body.QuerySelectorAll("*").Where(IsFurniture).ToList())
        {
            element.Remove();
        }

        var article = FindArticle(body);
        var text = new StringBuilder();
        Render(article, text);
        var result = Tidy(text.ToString());
        if (TitleOutside(body, article, result) is { } title)
        {
            result = result.Length == 0 ? title : $"{title}\n{result}";
        }

        if (result.Length == 0)
        {
            throw new SourceFormatException("the web page holds no article text");
        }

        // Decoding diagnostics name byte offsets of the page, not of the text: no span.
        return new SourceText(fileName, result, encoding, decoding.Select(d => d with { Span = null }).ToList());
    }

    private static bool IsFurniture(IElement element)
    {
        if (Dropped.Contains(element.LocalName))
        {
            return true;
        }

        var names = $"{element.Id} {element.ClassName}".ToLowerInvariant();
        if (names.Length <= 1 || names.Contains("content", StringComparison.Ordinal) || names.Contains("article", StringComparison.Ordinal)
            || names.Contains("title", StringComparison.Ordinal))
        {
            return false;
        }

        return names.Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Any(token => FurnitureWords.Any(word => token.StartsWith(word, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The page's &lt;h1&gt; when it stands outside the article and the article does not repeat it: gov.cn shows a
    /// policy's title above #UCAP-CONTENT, whose text then starts with the addressees.
    /// </summary>
    private static string? TitleOutside(IElement body, IElement article, string articleText)
    {
        if (ReferenceEquals(article, body))
        {
            return null;
        }

        var heading = body.QuerySelectorAll("h1").FirstOrDefault(h => !article.Contains(h) && !h.Contains(article));
        var title = heading is null ? string.Empty : Tidy(CollapseWhitespace(heading.TextContent)).Replace('\n', ' ');
        if (title.Length < 4)
        {
            return null;
        }

        static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c != '\u3000'));
        return Squeeze(articleText).Contains(Squeeze(title), StringComparison.Ordinal) ? null : title;
    }

    private static IElement FindArticle(IElement body)
    {
        // Text lengths of every element in one pass: asking each match for its TextContent is quadratic when the
        // matches nest (a hostile page of 2 000 nested #UCAP-CONTENT lists took seconds).
        var lengths = TextLengths(body);
        foreach (var selector in ContentSelectors)
        {
            var found = body.QuerySelectorAll(selector).Where(e => lengths[e] >= 20).OrderByDescending(e => lengths[e]).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }

        // The element whose own paragraphs hold the most text.
        var scores = new Dictionary<IElement, int>();
        foreach (var paragraph in body.QuerySelectorAll("p"))
        {
            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + lengths[paragraph];
            }
        }

        return scores.Count == 0 ? body : scores.MaxBy(s => s.Value).Key;
    }

    /// <summary>Characters other than whitespace under each element (what TextContent.Trim().Length approximates), bottom up, without recursion.</summary>
    private static Dictionary<IElement, int> TextLengths(IElement root)
    {
        var lengths = new Dictionary<IElement, int>();
        var stack = new Stack<(INode Node, bool Done)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, done) = stack.Pop();
            if (!done)
            {
                stack.Push((node, true));
                foreach (var child in node.ChildNodes)
                {
                    stack.Push((child, false));
                }

                continue;
            }

            if (node is IElement element)
            {
                var sum = 0;
                foreach (var child in element.ChildNodes)
                {
                    sum += child switch
                    {
                        IElement e => lengths[e],
                        IText t => t.Data.Count(c => !char.IsWhiteSpace(c)),
                        _ => 0,
                    };
                }

                lengths[element] = sum;
            }
        }

        return lengths;
    }

    private static void Render(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(CollapseWhitespace(t.Data));
                    break;
                case IHtmlBreakRowElement:
                    text.Append('\n');
                    break;
                case IHtmlTableElement table:
                    text.Append('\n');
                    foreach (var line in TaskTable.Render(Rows(table)))
                    {
                        text.Append(line).Append('\n');
                    }

                    break;
                case IHtmlOrderedListElement list:
                    text.Append('\n');
                    var number = list.Start;
                    foreach (var item in list.Children.OfType<IHtmlListItemElement>())
                    {
                        var inner = new StringBuilder();
                        Render(item, inner);
                        var itemText = Tidy(inner.ToString());
                        text.Append(StartsWithNumber().IsMatch(itemText) ? itemText : $"{number}.{itemText}").Append('\n');
                        number++;
                    }

                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.Append('\n');
                    Render(element, text);
                    text.Append('\n');
                    break;
                case IElement element when element.LocalName is "td" or "th":
                    text.Append(' ');
                    Render(element, text);
                    text.Append(' ');
                    break;
                case IElement element:
                    Render(element, text);
                    break;
            }
        }
    }

    /// <summary>
    /// Runs of HTML whitespace become one space, as a browser shows them; a line break between two CJK characters
    /// disappears (browsers do not show a space there either).
    /// </summary>
    private static string CollapseWhitespace(string data) =>
        Whitespace().Replace(data, m =>
            m.Value.Contains('\n', StringComparison.Ordinal) && m.Index > 0 && m.Index + m.Length < data.Length
            && Cjk.IsCjkLike(data[m.Index - 1]) && Cjk.IsCjkLike(data[m.Index + m.Length])
                ? string.Empty
                : " ");

    /// <summary>The rows of a table as cell texts, with row and column spans filled in.</summary>
    private static List<IReadOnlyList<string>> Rows(IHtmlTableElement table)
    {
        var rows = new List<IReadOnlyList<string>>();
        var carried = new Dictionary<int, (string Text, int Left)>();
        foreach (var row in table.Rows)
        {
            var cells = new List<string>();
            foreach (var cell in row.Cells)
            {
                while (carried.TryGetValue(cells.Count, out var carry) && carry.Left > 0)
                {
                    carried[cells.Count] = (carry.Text, carry.Left - 1);
                    cells.Add(carry.Text);
                }

                var inner = new StringBuilder();
                Render(cell, inner);
                var text = Tidy(inner.ToString());
                // Spans as browsers clamp them (colspan ≤ 1000, rowspan ≤ 65534): colspan="99999999" must not make a row of millions of cells.
                var rowSpan = Math.Clamp(cell.RowSpan, 1, 65_534);
                if (rowSpan > 1)
                {
                    carried[cells.Count] = (text, rowSpan - 1);
                }

                cells.Add(text);
                for (var extra = 1; extra < Math.Clamp(cell.ColumnSpan, 1, 1_000); extra++)
                {
                    cells.Add(string.Empty);
                }
            }

            while (carried.TryGetValue(cells.Count, out var rest) && rest.Left > 0)
            {
                carried[cells.Count] = (rest.Text, rest.Left - 1);
                cells.Add(rest.Text);
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>Lines trimmed (ASCII, no-break and ideographic spaces); empty lines, which markup makes between blocks, dropped.</summary>
    private static string Tidy(string text) =>
        string.Join("\n", text.Split('\n').Select(l => l.Trim(' ', '\t', '\r', '\u00A0', '\u3000')).Where(l => l.Length > 0));

    /// <summary>
    /// Byte order mark, then a charset declared in the first 4 KB, else the text decoder's evidence (UTF-8 unless the
    /// bytes read as GB18030 Chinese; see <see cref="TextDecoder"/>). Bytes invalid in the encoding used are said.
    /// </summary>
    private static (string Html, string Encoding, IReadOnlyList<Diagnostic> Diagnostics) Decode(string fileName, byte[] bytes)
    {
        var bom = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
            || (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
        if (bom)
        {
            var decoded = TextDecoder.Decode(fileName, bytes);
            return (decoded.Text, decoded.Encoding ?? "utf-8", decoded.Diagnostics);
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        if (Charset().Match(head) is { Success: true } match)
        {
            try
            {
                var declared = Encoding.GetEncoding(match.Groups[1].Value);
                if (declared.CodePage is 936 or 20936)
                {
                    declared = Encoding.GetEncoding("GB18030");
                }

                if (declared.CodePage == Encoding.UTF8.CodePage)
                {
                    // Declared UTF-8 is still checked: pages saved in GBK under a copied utf-8 meta tag are common.
                    var checkedText = TextDecoder.DecodeByEvidence(fileName, bytes);
                    if (checkedText.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
                    {
                        return (checkedText.Text, checkedText.Encoding ?? "utf-8", checkedText.Diagnostics);
                    }
                }

                var strict = Encoding.GetEncoding(declared.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
                var text = strict.GetString(bytes);
                var replaced = text.Count(c => c == '\uFFFD');
                return (text, declared.WebName, replaced == 0 ? [] : [DiagnosticCodes.InvalidBytes(declared.WebName, replaced, null, new TextSpan(text.IndexOf('\uFFFD', StringComparison.Ordinal), 1))]);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall through to detection.
            }
        }

        var detected = TextDecoder.DecodeByEvidence(fileName, bytes);
        return (detected.Text, detected.Encoding ?? "utf-8", detected.Diagnostics);
    }

    [GeneratedRegex(@"[ \t\r\n\f]+", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:\d+[.．、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])", RegexOptions.None, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex StartsWithNumber();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase, RegexDefaults.TimeoutMilliseconds)]
    private static partial Regex Charset();
}
