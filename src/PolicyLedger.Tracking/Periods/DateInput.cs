using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLedger.Tracking.Periods;

/// <summary>
/// The one parser for dates people type, used by every option and field that takes a date: 2024-06-30, 2024-6-30,
/// 2024/6/30, 2024.6.30 and 2024年6月30日 (full-width digits and surrounding spaces allowed). An impossible date
/// (2024-02-30) is refused, never moved.
/// </summary>
public static partial class DateInput
{
    public const string Formats = "2024-06-30、2024/6/30、2024.6.30 或 2024年6月30日";

    public static bool TryParse([NotNullWhen(true)] string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var m = Pattern().Match(text.Normalize(NormalizationForm.FormKC).Trim());
        if (!m.Success)
        {
            return false;
        }

        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2999 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return false;
        }

        date = new DateOnly(y, mo, d);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})|\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?)$", RegexOptions.None, 1000)]
    private static partial Regex Pattern();
}
