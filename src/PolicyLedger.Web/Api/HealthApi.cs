using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Web.Api;

/// <summary><c>GET /healthz</c>: 200 when the ledger database answers, 503 when it does not.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (LedgerDatabase database, CancellationToken ct) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await using var db = database.CreateContext();
                await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
                return Results.Text("ok", "text/plain; charset=utf-8");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException)
            {
                return Results.Text($"数据库不可用：{e.GetBaseException().Message}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
