using System.Text;

namespace PolicyLedger.Formats;

/// <summary>
/// Repairs what text extraction from PDFs (scans with a text layer, converted Word files) typically does to
/// Chinese text: ideographs mapped to look-alike Kangxi radicals (⼀ U+2F00 for 一) or CJK compatibility ideographs,
/// and control characters. Only those characters change; full-width punctuation and digits stay as written.
/// </summary>
internal static class ExtractedText
{
    public static string Repair(string text)
    {
        if (!text.Any(NeedsRepair))
        {
            return text;
        }

        var repaired = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                continue;
            }

            repaired.Append(IsLookAlike(c) ? c.ToString().Normalize(NormalizationForm.FormKC) : c.ToString());
        }

        return repaired.ToString();
    }

    private static bool NeedsRepair(char c) => IsLookAlike(c) || (char.IsControl(c) && c is not '\n' and not '\t');

    /// <summary>Kangxi radicals, CJK radicals supplement and CJK compatibility ideographs.</summary>
    private static bool IsLookAlike(char c) => c is (>= '\u2F00' and <= '\u2FD5') or (>= '\u2E80' and <= '\u2EF3') or (>= '\uF900' and <= '\uFAFF');
}
