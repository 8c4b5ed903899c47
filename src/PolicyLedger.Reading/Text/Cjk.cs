namespace PolicyLedger.Reading.Text;

/// <summary>Character classes of Chinese official text.</summary>
public static class Cjk
{
    /// <summary>Han ideographs (BMP blocks; surrogate pairs count as CJK too).</summary>
    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' || char.IsSurrogate(c);

    /// <summary>Han, CJK punctuation, full-width forms and the quotes and dashes used in Chinese text.</summary>
    public static bool IsCjkLike(char c) =>
        IsHan(c)
        || c is >= '\u3000' and <= '\u303F' // CJK symbols and punctuation: 、。〔〕《》「」
        || c is >= '\uFF00' and <= '\uFFEF' // full-width forms: （），：；０-９
        || c is '“' or '”' or '‘' or '’' or '—' or '…' or '·' or '∶' or '％';

    /// <summary>Spaces of every width that appear in extracted text: ASCII, tab, NBSP, ideographic space, thin spaces.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\uFEFF' || (c != '\n' && c != '\r' && char.IsWhiteSpace(c));

    public static bool IsOpenBracket(char c) => c is '（' or '(' or '〔' or '[' or '【' or '［' or '｛' or '{';

    public static bool IsCloseBracket(char c) => c is '）' or ')' or '〕' or ']' or '】' or '］' or '｝' or '}';
}
