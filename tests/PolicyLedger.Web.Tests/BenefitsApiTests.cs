using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PolicyLedger.Benefits;
using PolicyLedger.Benefits.Json;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Web.Tests.Support;

namespace PolicyLedger.Web.Tests;

/// <summary>
/// POST /api/v1/benefits answers what `policyledger benefits --format json` writes for the same scenario (computed
/// here from <see cref="BenefitsService"/> on the shipped rules), for a body in JSON or YAML; a bad scenario is a 400
/// naming the field; reporters are refused on the API and the 惠企 page.
/// </summary>
public sealed class BenefitsApiTests : IAsyncLifetime
{
    // A household buys a car and a home in one city and pays the deed tax; an as-of inside the measures' year.
    private const string Yaml = """
        profile:
          kind: household
          place: {province: 河南省, city: 焦作市, district: 山阳区}
        events:
          - {id: e1, type: car_purchase, date: 2023-03-10, new: true, price: 250000}
          - {id: e2, type: home_purchase, date: 2023-02-18, area_m2: 130, price: 900000, property: 新建商品住房, online_contract_网签: 2023-02-18}
          - {id: e3, type: deed_tax_paid, date: 2023-02-25, for: e2, amount: 9000, paid_in_full: true}
          - {id: e4, type: subsidy_application, date: 2023-03-05, for: e2, subsidy: 契税补贴}
        as_of: 2023-04-30
        """;

    private const string Json = """
        {"profile": {"kind": "household", "place": {"province": "河南省", "city": "焦作市", "district": "山阳区"}},
         "events": [{"id": "e1", "type": "car_purchase", "date": "2023-03-10", "new": true, "price": 250000},
                    {"id": "e2", "type": "home_purchase", "date": "2023-02-18", "area_m2": 130, "price": 900000, "property": "新建商品住房", "online_contract_网签": "2023-02-18"},
                    {"id": "e3", "type": "deed_tax_paid", "date": "2023-02-25", "for": "e2", "amount": 9000, "paid_in_full": true},
                    {"id": "e4", "type": "subsidy_application", "date": "2023-03-05", "for": "e2", "subsidy": "契税补贴"}],
         "as_of": "2023-04-30"}
        """;

    private ApiLedger _ledger = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _ledger = await ApiLedger.CreateAsync(Provider.Sqlite);
        _host = new TestHost(_ledger.Database);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _ledger.Dispose();
    }

    private static string Expected(string yaml, DateOnly? asOf = null)
    {
        var load = BenefitsService.ReadScenarios(yaml, "test");
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        var service = new BenefitsService(RuleSetLoader.Load(RuleSetLoader.Folder(null)));
        return BenefitResultJson.Serialize(service.Evaluate(Assert.Single(load.Scenarios), asOf, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task A_scenario_in_JSON_or_YAML_is_answered_with_the_JSON_of_the_CLI()
    {
        var expected = Expected(Yaml);
        using (var parsed = JsonDocument.Parse(expected))
        {
            Assert.True(parsed.RootElement.GetProperty("entitled").GetArrayLength() >= 2, expected);
            Assert.True(parsed.RootElement.GetProperty("total").GetDecimal() > 0, expected);
        }

        var json = await _host.WithToken(_ledger.Tokens["viewer"]).PostAsync("/api/v1/benefits", new StringContent(Json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(expected, await json.Content.ReadAsStringAsync());

        var yaml = await _host.WithToken(_ledger.Tokens["supervisor"]).PostAsync("/api/v1/benefits", new StringContent(Yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.OK, yaml.StatusCode);
        Assert.Equal(expected, await yaml.Content.ReadAsStringAsync());

        // asOf moves the date the measures are judged at, as --as-of does.
        var later = await _host.WithToken(_ledger.Tokens["admin"]).PostAsync("/api/v1/benefits?asOf=2024-06-30", new StringContent(Yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(Expected(Yaml, new DateOnly(2024, 6, 30)), await later.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"profile": {"kind": "person"}, "events": [{"id": "e1", "type": "car_bought", "date": "2023-02-15"}]}""", "events[0].type", "PL604")]
    [InlineData("""{"profile": {"kind": "person"}, "events": [{"id": "e1", "type": "car_purchase", "date": "2023-02-30"}]}""", "events[0].date", "PL605")]
    [InlineData("""{"profile": {"kind": "person"}, "events": [{"id": "e1", "type": "car_purchase", "date": "2023-02-15", "price": -1}]}""", "events[0].price", "PL606")]
    [InlineData("""{"events": []}""", "profile", "PL609")]
    [InlineData("""{"profile": {"kind": "person"}, "events": [""", "不是有效的 JSON", "第1行")]
    public async Task A_bad_scenario_is_a_400_naming_the_field(string body, string field, string said)
    {
        var response = await _host.WithToken(_ledger.Tokens["admin"]).PostAsync("/api/v1/benefits", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求有误", problem.GetProperty("title").GetString());
        Assert.Equal("PL-H02", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(field, detail, StringComparison.Ordinal);
        Assert.Contains(said, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporters_are_refused_the_API_and_the_page_and_others_see_the_page()
    {
        var api = await _host.WithToken(_ledger.Tokens["reporter"]).PostAsync("/api/v1/benefits", new StringContent(Json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var page = await _host.WithToken(_ledger.Tokens["reporter"]).GetAsync("/benefits");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("无权惠企政策测算", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var role in new[] { "admin", "supervisor", "viewer" })
        {
            var shown = await _host.WithToken(_ledger.Tokens[role]).GetAsync("/benefits");
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains("惠企政策测算", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
