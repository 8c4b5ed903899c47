using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Cli.Output;

/// <summary>The human-readable form of a reading: each document's elements, then one line per item.</summary>
internal static class ReadTable
{
    public static void Write(IEnumerable<ReadResult> results, TextWriter output)
    {
        foreach (var result in results)
        {
            output.WriteLine($"== {result.File}{(result.Encoding is { } e && e != "utf-8" ? $" ({e})" : string.Empty)}");
            foreach (var document in result.Documents)
            {
                output.WriteLine();
                output.WriteLine($"  文号 {document.DocNumber?.Value ?? "—"}   发文机关 {document.Issuer?.Value ?? "—"}   成文日期 {document.Date?.Value.ToString("yyyy-MM-dd") ?? "—"}");
                output.WriteLine($"  标题 {document.Title?.Value ?? "—"}");
                if (document.Addressees.Count > 0)
                {
                    output.WriteLine($"  主送 {string.Join("，", document.Addressees.Select(a => a.Value))}");
                }

                if (document.Basis.Count > 0)
                {
                    output.WriteLine($"  依据 {string.Join("，", document.Basis.Select(a => a.Value))}");
                }

                output.WriteLine($"  {document.Items.Count} items");
                foreach (var item in document.Items)
                {
                    var roles = string.Join("；", item.Roles.GroupBy(r => r.Role).Select(g => $"{RoleLabel(g.Key)}:{string.Join("、", g.Select(r => r.Mention))}"));
                    output.WriteLine($"  {item.Id,-14} {Shorten(item.Text, 28),-30} {roles}");
                }

                foreach (var diagnostic in document.Diagnostics)
                {
                    output.WriteLine($"  ! {diagnostic}");
                }
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                output.WriteLine($"  ! {diagnostic}");
            }

            output.WriteLine();
        }
    }

    private static string RoleLabel(Role role) => role switch
    {
        Role.Lead => "牵头",
        Role.Responsible => "责任",
        Role.Cooperating => "配合",
        _ => ReadResultJson.RoleName(role),
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
