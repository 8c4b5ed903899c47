using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Tests.Ledger;

/// <summary>
/// A tiny line format for storage tests, so they do not depend on how well the real reader reads (its own tests do
/// that). One line each:
/// <code>
/// DOC 文号|发文机关|标题
/// ITEM id|任务内容|L=牵头,…|R=责任,…|C=配合,…|I=implied 责任,…|Q=数量|T=YYYY-MM-DD|D=PL405:message
/// ERROR reason            (the file is unreadable, as the reader reports a binary file)
/// </code>
/// Every role governs the item's task text; I= roles are implied (as a declaration covering later items gives them);
/// D= puts a warning diagnostic on the item.
/// </summary>
internal static class LedgerTestFiles
{
    public static ReadResult Read(string path)
    {
        var text = File.ReadAllText(path);
        var documents = new List<PolicyDocument>();
        var items = new List<PolicyItem>();
        PolicyDocument? current = null;
        var offset = 0;

        void Close()
        {
            if (current is not null)
            {
                documents.Add(current with { Items = items.ToList() });
                items.Clear();
            }
        }

        foreach (var line in text.Split('\n'))
        {
            var span = new TextSpan(offset, line.Length);
            offset += line.Length + 1;
            if (line.StartsWith("ERROR ", StringComparison.Ordinal))
            {
                return new ReadResult(path, text, "utf-8", [], [new Diagnostic(DiagnosticCodes.NotText, DiagnosticSeverity.Error, line[6..])]);
            }

            if (line.StartsWith("DOC ", StringComparison.Ordinal))
            {
                Close();
                var f = line[4..].Split('|');
                current = new PolicyDocument
                {
                    Span = span,
                    DocNumber = new Located<string>(f[0], span),
                    Issuer = new Located<string>(f[1], span),
                    Title = new Located<string>(f[2], span),
                    Headings = [new Heading(0, "一、总则", span)],
                };
            }
            else if (line.StartsWith("ITEM ", StringComparison.Ordinal))
            {
                var f = line[5..].Split('|');
                var roles = new List<RoleMention>();
                var quantities = new List<Quantity>();
                var times = new List<TimeExpression>();
                var diagnostics = new List<Diagnostic>();
                var governs = new Located<string>(f[1], span);
                foreach (var field in f.Skip(2))
                {
                    var value = field[2..];
                    switch (field[0])
                    {
                        case 'L': roles.AddRange(value.Split(',').Select(m => new RoleMention(Role.Lead, m, span) { Governs = governs })); break;
                        case 'R': roles.AddRange(value.Split(',').Select(m => new RoleMention(Role.Responsible, m, span) { Governs = governs })); break;
                        case 'C': roles.AddRange(value.Split(',').Select(m => new RoleMention(Role.Cooperating, m, span) { Governs = governs })); break;
                        case 'I': roles.AddRange(value.Split(',').Select(m => new RoleMention(Role.Responsible, m, span) { Implied = true, Governs = governs })); break;
                        case 'D': diagnostics.Add(new Diagnostic(value[..value.IndexOf(':')], DiagnosticSeverity.Warning, value[(value.IndexOf(':') + 1)..], span)); break;
                        case 'Q': quantities.Add(new Quantity(value + "元", span, QuantityKind.Money, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "元", null, Bound.Max, null)); break;
                        case 'T': times.Add(new TimeExpression(value + "前", span, null, DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture), null, false)); break;
                    }
                }

                items.Add(new PolicyItem(f[0], int.TryParse(f[0], out var n) ? n : null, f[0] + "．", ["一、总则"], f[1], span, roles, span, quantities, times) { Diagnostics = diagnostics });
            }
        }

        Close();
        return new ReadResult(path, text, "utf-8", documents, []);
    }

    /// <summary>A document of <paramref name="items"/> items, each led by one unit with two responsible and one cooperating.</summary>
    /// <param name="doubtful">Every second item also gets an implied role and a diagnostic.</param>
    public static string Document(string number, int items, string issuer = "济源示范区管理委员会", string extra = "", bool doubtful = false)
    {
        var lines = new List<string> { $"DOC {number}|{issuer}|关于{number}的通知{extra}" };
        for (var i = 1; i <= items; i++)
        {
            lines.Add($"ITEM {i}|第{i}项任务{extra}|L=示范区财政金融局|R=示范区税务局,发展改革和统计局|C=各镇人民政府|Q={i * 1000}|T=2023-12-31"
                + (doubtful && i % 2 == 0 ? "|I=各街道办事处|D=PL404:本条没有责任分工" : string.Empty));
        }

        return string.Join('\n', lines);
    }
}
