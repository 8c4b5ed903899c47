using System.Text;

namespace PolicyLedger.Tests.Units;

/// <summary>Shows invisible characters in failure messages: U+3000, NBSP, CR, LF, tab.</summary>
internal static class Visible
{
    public static string Show(string? s)
    {
        if (s is null)
        {
            return "(null)";
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\u3000' => "⟨U+3000⟩",
                '\u00A0' => "⟨NBSP⟩",
                '\r' => "⟨CR⟩",
                '\n' => "⟨LF⟩",
                '\t' => "⟨TAB⟩",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
