using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Web.Pages.Audit;

/// <summary>审计: every change to the ledger and every denial, newest first, filtered by what was changed and by whom.</summary>
public sealed class IndexModel(AuditService audit) : LedgerPageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>What the entity filter offers: the tables people ask about, with their Chinese names.</summary>
    public static IReadOnlyList<(string Entity, string Name)> Entities { get; } =
    [
        ("progress_reports", "进展报送"), ("sources", "文件导入"), ("documents", "文件"), ("items", "事项"),
        ("document_cadences", "报送频次"), ("settings", "默认范围"), ("users", "用户"), ("api_tokens", "令牌"), ("access", "拒绝访问与登录失败"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await audit.ListAsync(Actor, Blank(Entity), Blank(By), null, Limit, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            return Fail(result.Problem);
        }

        Entries = result.Value;
        return Page();
    }

    public static string EntityName(string entity) => Entities.FirstOrDefault(e => e.Entity == entity).Name ?? entity;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
