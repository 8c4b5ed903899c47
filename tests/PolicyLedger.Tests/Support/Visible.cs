using System.Text;

namespace PolicyLedger.Tests.Support;

/// <summary>Makes invisible characters visible in failure messages: U+3000 as ⎵, NBSP as ⍽, CR as ␍, LF as ␊, tab as ␉.</summary>
public static class Visible
{
    public static string Show(string? s)
    {
        if (s is null)
        {
            return "null";
        }

        var b = new StringBuilder(s.Length + 2).Append('«');
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '\u3000' => "⎵",
                '\u00A0' => "⍽",
                '\r' => "␍",
                '\n' => "␊",
                '\t' => "␉",
                ' ' => "·",
                '\u200B' => "[ZWSP]",
                '\uFEFF' => "[BOM]",
                _ => c.ToString(),
            });
        }

        return b.Append('»').ToString();
    }

    public static string Show(IEnumerable<string> list) => "[" + string.Join(", ", list.Select(Show)) + "]";
}
