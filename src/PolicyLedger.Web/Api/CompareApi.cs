using Microsoft.EntityFrameworkCore;
using PolicyLedger.Comparison;
using PolicyLedger.Comparison.Rendering;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading;

namespace PolicyLedger.Web.Api;

/// <summary>
/// 对比: documents of the ledger lined up measure by measure by <see cref="ComparisonService"/>, answered as the JSON
/// `compare --format json` writes (<see cref="ComparisonJson"/>). Thin: find the documents, check the actor may compare
/// and sees each one's jurisdiction, load them as the CLI does, call the service.
/// </summary>
public static class CompareApi
{
    public const int MaxDocuments = 10;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/compare", CompareAsync)
            .WithSummary("对比文件：documents=文件键或文号（2到10个，第一个为基准），逐条对齐措施，给出关系和数字差异（与 compare --format json 相同）");

    private static async Task<IResult> CompareAsync(HttpContext http, LedgerContext db, PolicyReader reader, string[]? documents, CancellationToken ct)
    {
        var (compared, problem) = await LoadAsync(db, reader, ApiContext.Actor(http), documents ?? [], ct);
        if (problem is not null)
        {
            return ApiContext.Problem(problem);
        }

        var service = ComparisonService.Default;
        return compared.Count == 2
            ? Results.Json(ComparisonJson.ToDto(service.Compare(compared[0], compared[1])), ComparisonJson.Options)
            : Results.Json(ComparisonJson.ToDto(service.Compare(compared)), ComparisonJson.Options);
    }

    /// <summary>
    /// The documents named (keys or 文号, 2 to <see cref="MaxDocuments"/>), loaded as the CLI loads them, once the actor
    /// may compare and sees each one's jurisdiction; else the problem (what the API answers and the 对比 page shows).
    /// </summary>
    public static async Task<(IReadOnlyList<ComparedDocument> Documents, Problem? Problem)> LoadAsync(LedgerContext db, PolicyReader reader, Actor actor, IEnumerable<string> documents, CancellationToken ct)
    {
        if (Permissions.Check(actor, TrackingAction.CompareDocuments) is { } denied)
        {
            return ([], denied);
        }

        var wanted = documents.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        if (wanted.Count is < 2 or > MaxDocuments)
        {
            return ([], Invalid("PL-Q08", $"documents 须给出2到{MaxDocuments}个文件（文件键或文号），现有{wanted.Count}个：如 ?documents=甲政〔2024〕1号&documents=乙政〔2024〕2号"));
        }

        var compared = new List<ComparedDocument>(wanted.Count);
        foreach (var typed in wanted)
        {
            var found = StoredDocuments.WithItemsFirst(await StoredDocuments.FindAsync(db, typed, ct));
            if (found.Count == 0)
            {
                return ([], Problems.DocumentNotFound(typed));
            }

            // Documents of other jurisdictions are neither listed nor counted; one that is the only match is refused below.
            var visible = found.Where(m => actor.Sees(m.Jurisdiction)).ToList();
            var matches = visible.Count > 0 ? visible : [found[0]];

            if (matches.Count > 1)
            {
                return ([], Invalid("PL-Q09", $"“{typed}”对应 {matches.Count} 份文件，请用文件键区分：" + string.Join("；", matches.Select(m => $"{m.Key}（{m.FileName}）"))));
            }

            var id = matches[0].Id;
            var jurisdiction = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.Jurisdiction).SingleAsync(ct);
            if (!actor.Sees(jurisdiction))
            {
                return ([], Problems.OutsideJurisdiction(actor, jurisdiction));
            }

            compared.Add(ComparedDocument.From(await StoredDocuments.LoadAsync(db, id, reader, ct), matches[0].Key));
        }

        return (compared, null);
    }

    private static Problem Invalid(string code, string message) => new(code, ProblemKind.Invalid, message, message);
}
