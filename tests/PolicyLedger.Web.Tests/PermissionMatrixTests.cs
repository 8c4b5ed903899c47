using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Web.Tests.Support;

namespace PolicyLedger.Web.Tests;

/// <summary>
/// The permission matrix: every endpoint the host maps under /api/v1 × every role × own/other, each answer checked
/// against the table in docs/web.md (the rules as written), every 403 found in the audit log, and every endpoint
/// refused without credentials. The endpoint list comes from the running host, so an endpoint added without a row
/// in the table (and a request here) fails.
/// </summary>
public sealed partial class PermissionMatrixTests
{
    private enum Seen
    {
        Allowed,
        Denied,
    }

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_endpoint_every_role_own_and_other_answers_as_the_documented_rules_say(Provider provider)
    {
        using var ledger = await ApiLedger.CreateAsync(provider);
        await using var host = new TestHost(ledger.Database);
        var rules = ReadRules();
        var endpoints = Endpoints(host);
        Assert.Empty(endpoints.Except(rules.Keys));
        Assert.Empty(rules.Keys.Except(endpoints));

        var failures = new List<string>();
        var denied = new Dictionary<string, int>();
        var checkedCases = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var (role, index) in ApiLedger.Roles.Select((r, i) => (r, i)))
            {
                var rule = rules[endpoint][index];
                foreach (var own in new[] { true, false })
                {
                    var expected = rule == "yes" || (rule == "own" && own) ? Seen.Allowed : Seen.Denied;
                    var client = host.WithToken(ledger.Tokens[role]);
                    var (seen, status, body) = await CallAsync(client, ledger, endpoint, role, own);
                    checkedCases++;
                    if (seen != expected)
                    {
                        failures.Add($"{endpoint} as {role} ({(own ? "own" : "other")}): expected {expected}, got {seen} ({status}) {body}");
                    }

                    if (status == 403)
                    {
                        denied[role] = denied.GetValueOrDefault(role) + 1;
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(endpoints.Count * 4 * 2, checkedCases);

        // Every 403 is in the audit log, under the user who was refused.
        await using var db = ledger.Database.CreateContext();
        foreach (var role in ApiLedger.Roles)
        {
            var rows = await db.AuditLog.CountAsync(a => a.Action == "denied" && a.Actor == ApiLedger.Name(role));
            Assert.True(rows == denied.GetValueOrDefault(role), $"{role}: {denied.GetValueOrDefault(role)} answers 403, {rows} denials audited");
        }

        Assert.True(denied.Values.Sum() > 20, "the matrix refused almost nothing");
    }

    [Fact]
    public async Task Every_endpoint_answers_401_problem_details_without_credentials()
    {
        using var ledger = await ApiLedger.CreateAsync(Provider.Sqlite);
        await using var host = new TestHost(ledger.Database);
        var anonymous = host.Anonymous();
        var endpoints = Endpoints(host);
        Assert.True(endpoints.Count >= 20, $"{endpoints.Count} endpoints");
        foreach (var endpoint in endpoints)
        {
            var request = await RequestAsync(ledger, endpoint, "admin", own: true);
            var response = await anonymous.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>The table in docs/web.md between the permission-matrix markers: endpoint → admin, supervisor, reporter, viewer.</summary>
    private static Dictionary<string, string[]> ReadRules()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "web.md"));
        var start = text.IndexOf("<!-- permission-matrix -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- /permission-matrix -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/web.md has no permission-matrix table");
        var rules = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in text[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(5, cells.Length);
            Assert.All(cells[1..], c => Assert.Contains(c, new[] { "yes", "own", "no" }));
            rules.Add(cells[0].Trim('`'), cells[1..]);
        }

        return rules;
    }

    /// <summary>Every API endpoint the host maps, as "METHOD /api/v1/path" with route constraints left out.</summary>
    private static List<string> Endpoints(TestHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {Constraint().Replace(e.RoutePattern.RawText!, "}")}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();

    private static string E(string s) => Uri.EscapeDataString(s);

    /// <summary>The request that exercises an endpoint for a role on its own or the other target.</summary>
    private static async Task<HttpRequestMessage> RequestAsync(ApiLedger ledger, string endpoint, string role, bool own)
    {
        var item = ApiLedger.TargetItem(role, own);
        var document = ApiLedger.TargetDocument(role, own);
        var report = JsonContent.Create(new { period = ApiLedger.Period, percent = own ? 40 : 60, done = false, figure = (decimal?)null, narrative = "按计划推进" });
        return endpoint switch
        {
            "GET /api/v1/me" => new(HttpMethod.Get, "/api/v1/me"),
            "GET /api/v1/documents" => new(HttpMethod.Get, "/api/v1/documents"),
            "GET /api/v1/documents/{key}/versions" => new(HttpMethod.Get, $"/api/v1/documents/{E(document)}/versions"),
            "POST /api/v1/documents" => new(HttpMethod.Post, "/api/v1/documents") { Content = Upload($"up-{role}-{own}.txt", ApiLedger.Document("甲县人民政府关于做好2024年防汛工作的通知", $"甲政〔2024〕{(own ? 7 : 8)}号", "2024年3月1日", "汛前完成河道清淤5公里。(县水利局负责)")) },
            "GET /api/v1/items" => new(HttpMethod.Get, $"/api/v1/items?document={E(document)}"),
            "GET /api/v1/items/{key}" => new(HttpMethod.Get, $"/api/v1/items/{E(item)}"),
            "POST /api/v1/items/{key}/reports" => new(HttpMethod.Post, $"/api/v1/items/{E(item)}/reports") { Content = report },
            "POST /api/v1/items/{key}/reports/{period}/evidence" => new(HttpMethod.Post, $"/api/v1/items/{E(item)}/reports/{ApiLedger.Period}/evidence") { Content = Upload($"照片-{role}.txt", "现场照片说明 " + role) },
            "GET /api/v1/evidence/{id}" => new(HttpMethod.Get, $"/api/v1/evidence/{await ledger.EvidenceIdAsync(item)}"),
            "GET /api/v1/status" => new(HttpMethod.Get, $"/api/v1/status?document={E(document)}"),
            "GET /api/v1/units" => new(HttpMethod.Get, "/api/v1/units"),
            "GET /api/v1/bulletins/{period}" => new(HttpMethod.Get, $"/api/v1/bulletins/{ApiLedger.Period}?format=md&document={E(document)}"),
            "GET /api/v1/compare" => new(HttpMethod.Get, $"/api/v1/compare?documents={E(ApiLedger.DocA)}&documents={E(own ? ApiLedger.DocC : ApiLedger.DocB)}"),
            "POST /api/v1/benefits" => new(HttpMethod.Post, "/api/v1/benefits") { Content = Benefits(own) },
            "GET /api/v1/audit" => new(HttpMethod.Get, "/api/v1/audit?limit=5"),
            "GET /api/v1/users" => new(HttpMethod.Get, "/api/v1/users"),
            "POST /api/v1/users" => new(HttpMethod.Post, "/api/v1/users") { Content = JsonContent.Create(new { name = $"new-{Guid.NewGuid():N}", role = "viewer", password = "a long enough password" }) },
            "PATCH /api/v1/users/{name}" => new(HttpMethod.Patch, "/api/v1/users/target-user") { Content = JsonContent.Create(new { disabled = false }) },
            "GET /api/v1/users/{name}/tokens" => new(HttpMethod.Get, "/api/v1/users/target-user/tokens"),
            "POST /api/v1/users/{name}/tokens" => new(HttpMethod.Post, "/api/v1/users/target-user/tokens") { Content = JsonContent.Create(new { label = "matrix" }) },
            "DELETE /api/v1/tokens/{id}" => new(HttpMethod.Delete, $"/api/v1/tokens/{await TokenIdAsync(ledger)}"),
            _ => throw new InvalidOperationException($"no request for {endpoint}: add one here and a row to the table in docs/web.md"),
        };
    }

    /// <summary>A scenario for the benefit finder: a car bought (its price differs between own and other; the measures are public, not a unit's).</summary>
    private static StringContent Benefits(bool own) => new(
        $$"""{"profile": {"kind": "person"}, "events": [{"id": "e1", "type": "car_purchase", "date": "2023-02-15", "new": true, "price": {{(own ? 100000 : 200000)}}}], "as_of": "2023-04-30"}""",
        Encoding.UTF8,
        "application/json");

    private static async Task<long> TokenIdAsync(ApiLedger ledger)
    {
        await TestUsers.TokenAsync(ledger.Database, "target-user");
        await using var db = ledger.Database.CreateContext();
        return await db.ApiTokens.Where(t => t.RevokedAt == null).MaxAsync(t => t.Id);
    }

    private static MultipartFormDataContent Upload(string name, string text)
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", name);
        return content;
    }

    /// <summary>What the role was let to do: a 403 is a denial; a list that leaves the target out denied it too.</summary>
    private static async Task<(Seen Seen, int Status, string Body)> CallAsync(HttpClient client, ApiLedger ledger, string endpoint, string role, bool own)
    {
        var response = await client.SendAsync(await RequestAsync(ledger, endpoint, role, own));
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status == 403)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (Seen.Denied, status, body);
        }

        if (status is < 200 or > 299)
        {
            return ((Seen)(-1), status, body);
        }

        var item = ApiLedger.TargetItem(role, own);
        var listed = endpoint switch
        {
            "GET /api/v1/documents" => (bool?)Keys(body, null, "key").Contains(ApiLedger.TargetDocument(role, own)),
            "GET /api/v1/items" or "GET /api/v1/status" => Keys(body, "items", "key").Contains(item),
            "GET /api/v1/units" => Keys(body, null, "key").Contains(ApiLedger.TargetUnit(role, own)),
            _ => null,
        };
        if (endpoint == "GET /api/v1/evidence/{id}")
        {
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        }

        return (listed == false ? Seen.Denied : Seen.Allowed, status, body.Length > 300 ? body[..300] : body);
    }

    private static List<string> Keys(string json, string? property, string key)
    {
        using var doc = JsonDocument.Parse(json);
        var array = property is null ? doc.RootElement : doc.RootElement.GetProperty(property);
        return array.EnumerateArray().Select(e => e.GetProperty(key).GetString()!).ToList();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyLedger.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("no PolicyLedger.slnx above " + AppContext.BaseDirectory);
    }
}
