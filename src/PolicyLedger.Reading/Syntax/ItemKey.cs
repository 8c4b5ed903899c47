using System.Globalization;
using System.Text;

namespace PolicyLedger.Reading.Syntax;

/// <summary>
/// The identity of a document that outlives files and databases: its 文号 as written (济管〔2023〕19号); for a
/// document without one, its title and date (某某区关于…的通知（2023-03-29）); for a document with neither, the file
/// it came from and its place in the file. Two versions of the same document have the same key, so corrections,
/// reports and citations keep pointing at it.
/// </summary>
public static class DocumentKey
{
    /// <summary>The key of a document read from the file <paramref name="fileName"/> at <paramref name="position"/> (0 for the first).</summary>
    public static string Of(string? docNumber, string? title, DateOnly? date, string fileName, int position)
    {
        if (Clean(docNumber) is { Length: > 0 } number)
        {
            return number;
        }

        var day = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Clean(title) is { Length: > 0 } t)
        {
            return day is null ? Bounded(t) : $"{Bounded(t)}（{day}）";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Clean(fileName)}（第{position + 1}件）");
    }

    public static string Of(PolicyDocument document, string fileName, int position) =>
        Of(document.DocNumber?.Value, document.Title?.Value, document.Date?.Value, fileName, position);

    /// <summary>
    /// The form keys are compared in: whitespace removed, brackets of every width and shape made one (〔2023〕,
    /// [2023], ［2023］, 【2023】 and (2023) are the same), full-width letters and digits made half-width. What a
    /// person types is matched against what the reader stored through this.
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                '〔' or '[' or '［' or '【' or '(' or '（' or '〖' or '｛' or '{' => '〔',
                '〕' or ']' or '］' or '】' or ')' or '）' or '〗' or '｝' or '}' => '〕',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Keys stay short enough to show and store: a title past <see cref="MaxTitle"/> characters is cut and marked with a hash of the whole.</summary>
    public const int MaxTitle = 120;

    private static string Bounded(string title) =>
        title.Length <= MaxTitle
            ? title
            : $"{title[..(MaxTitle - 10)]}…{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(title)))[..8]}";

    private static string? Clean(string? text) =>
        text is null ? null : string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)));
}

/// <summary>
/// The key of an item that every command shows and accepts: the document's key, '#', and the item's id as the
/// document numbers it (济管〔2023〕19号#12, 三政办〔2022〕16号#（4）, 某某县人民政府文件（2024-02-01）#三、主要任务一).
/// </summary>
public readonly record struct ItemKey(string Document, string Item)
{
    public const char Separator = '#';

    public override string ToString() => $"{Document}{Separator}{Item}";

    /// <summary>Splits "document#item" at its last '#'. False when either side is empty or there is no '#'.</summary>
    public static bool TryParse(string? text, out ItemKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var at = text.LastIndexOf(Separator);
        if (at <= 0 || at == text.Length - 1)
        {
            return false;
        }

        key = new ItemKey(text[..at].Trim(), text[(at + 1)..].Trim());
        return key.Document.Length > 0 && key.Item.Length > 0;
    }

    /// <summary>
    /// Whether a typed item id names a stored one: the same after <see cref="DocumentKey.Normalize"/>, or the item's
    /// number written bare, bracketed or in Chinese numerals ("4", "(4)" and "（四）" for "（4）").
    /// </summary>
    public static bool ItemMatches(string typed, string storedId, int? storedNumber)
    {
        var a = DocumentKey.Normalize(typed);
        if (a == DocumentKey.Normalize(storedId))
        {
            return true;
        }

        if (storedNumber is not { } n)
        {
            return false;
        }

        var bare = a.Trim('〔', '〕');
        return int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var typedNumber)
            ? typedNumber == n
            : Text.ChineseNumerals.Parse(bare) == n;
    }
}
