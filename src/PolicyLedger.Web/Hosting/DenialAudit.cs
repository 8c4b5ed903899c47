using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Hosting;

/// <summary>
/// Every denial is written to the audit log (action "denied", entity "access", the method and path as key): a
/// request without valid credentials (401, or a page sent to sign in), a signed-in user refused by the host's
/// policies or by a service (403). One row per request, written in a database context of its own so nothing else
/// of the request is saved with it.
/// </summary>
public static class DenialAudit
{
    private static readonly object Written = new();

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public static async Task RecordAsync(HttpContext context, int status, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.ContainsKey(Written))
        {
            return;
        }

        context.Items[Written] = true;
        var database = context.RequestServices.GetRequiredService<LedgerDatabase>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var user = CurrentUser.Of(context);
        await using var db = database.CreateContext();
        db.AuditClock = clock;
        db.AuditActor = user?.Name ?? context.User.Identity?.Name ?? "（未登录）";
        db.AuditContext = "web";
        db.Audit("denied", "access", $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", null,
            JsonSerializer.Serialize(new { status, reason, role = user?.Role, ip = context.Connection.RemoteIpAddress?.ToString() }, Json));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Audits any 401 or 403 answer that was not audited on its way (a service's denial turned into 403).</summary>
    public static IApplicationBuilder UseDenialAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next();
        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            await RecordAsync(context, context.Response.StatusCode, context.Response.StatusCode == 401 ? "未登录或凭据无效" : "无权访问");
        }
    });
}

/// <summary>Audits the authorization step's refusals (no credentials, wrong role) before answering them as usual.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            await DenialAudit.RecordAsync(context, 401, "未登录或凭据无效");
        }
        else if (authorizeResult.Forbidden)
        {
            await DenialAudit.RecordAsync(context, 403, "角色无权访问");
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
