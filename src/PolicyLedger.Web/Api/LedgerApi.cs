using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Bulletins;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Web.Api;

/// <summary>Units in scope, bulletins (.docx or .md) and the audit log.</summary>
public static class LedgerApi
{
    public const string DefaultIssuer = "重点工作督查办公室";

    public const string DefaultAddressees = "各责任单位";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/units", UnitsAsync).WithSummary("单位：用户可见范围内的单位及其牵头、负责、配合的事项数");
        api.MapGet("/bulletins/{period}", BulletinAsync).WithSummary("通报：按期间（2024Q2）和范围生成，下载 .docx 或 .md（format=docx|md）");
        api.MapGet("/audit", AuditAsync).WithSummary("审计日志（管理员和督办人员）");
    }

    private static async Task<IResult> UnitsAsync(HttpContext http, LedgerContext db, CancellationToken ct)
    {
        var actor = ApiContext.Actor(http);
        if (Permissions.Check(actor, TrackingAction.ViewStatus) is { } denied)
        {
            return ApiContext.Problem(denied);
        }

        var visible = ItemPages.Visible(db, actor).Select(i => i.Id);
        var counts = await db.Responsibilities.AsNoTracking().Where(r => visible.Contains(r.ItemId))
            .GroupBy(r => new { r.UnitId, r.Role })
            .Select(g => new { g.Key.UnitId, g.Key.Role, Items = g.Select(r => r.ItemId).Distinct().Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Jurisdiction).ThenBy(u => u.Name).ToListAsync(ct);
        int Count(long unit, LedgerRole role) => counts.Where(c => c.UnitId == unit && c.Role == role).Sum(c => c.Items);
        return Results.Ok(units.Select(u => new UnitDto(u.Key, u.Name, u.Jurisdiction, u.Kind.ToString(), Count(u.Id, LedgerRole.Lead), Count(u.Id, LedgerRole.Responsible), Count(u.Id, LedgerRole.Cooperating))).ToList());
    }

    private static async Task<IResult> BulletinAsync(
        HttpContext http, string period, BulletinService bulletins, string? format, string? jurisdiction, string? document, string? asOf, string? date, string? issuer, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParse(period, out var p))
        {
            return ApiContext.Invalid("PL-Q05", $"期间“{period}”无效：请写 2024Q2、2024-05、2024H1 或 2024");
        }

        var kind = (format ?? "docx").Trim().ToLowerInvariant();
        if (kind is not ("docx" or "md"))
        {
            return ApiContext.Invalid("PL-Q06", $"format 的值“{format}”无效：可用 docx 或 md");
        }

        DateOnly? at = null, on = null;
        foreach (var (text, parameter) in new[] { (asOf, "asOf"), (date, "date") })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return ApiContext.Invalid("PL-Q02", $"参数 {parameter} 的值“{text}”不是日期：请写成 2024-07-10");
            }

            if (parameter == "asOf")
            {
                at = d;
            }
            else
            {
                on = d;
            }
        }

        var result = await bulletins.BulletinAsync(ApiContext.Actor(http), new BulletinRequest(p, new TrackingScope(jurisdiction, document), at, on, string.IsNullOrWhiteSpace(issuer) ? DefaultIssuer : issuer.Trim(), [DefaultAddressees]), ct);
        if (!result.Ok)
        {
            return ApiContext.Problem(result.Problem);
        }

        var name = $"通报-{p}";
        if (kind == "md")
        {
            return Results.File(System.Text.Encoding.UTF8.GetBytes(MarkdownBulletinWriter.Write(result.Value)), "text/markdown; charset=utf-8", name + ".md");
        }

        using var stream = new MemoryStream();
        DocxBulletinWriter.Write(result.Value, stream);
        return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }

    private static async Task<IResult> AuditAsync(HttpContext http, AuditService audit, TrackingClockSource clock, string? entity, string? by, int? limit, CancellationToken ct)
    {
        var result = await audit.ListAsync(ApiContext.Actor(http), entity, by, null, Math.Clamp(limit ?? 200, 1, 1000), ct);
        return result.Ok
            ? Results.Ok(result.Value.Select(a => new AuditDto(a.Id, ItemDto.Time(a.At, clock)!, a.Actor, a.Action, a.Entity, a.EntityKey, a.Context, a.Before, a.After)).ToList())
            : ApiContext.Problem(result.Problem);
    }
}
