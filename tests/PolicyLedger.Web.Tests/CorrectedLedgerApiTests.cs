using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Tests.Support;

namespace PolicyLedger.Web.Tests;

/// <summary>
/// <c>GET /api/v1/items</c> on a corrected ledger says what the CLI's `status` says (the corrected view): every page
/// concatenated, the total, the unit filter and a reporter's items, with an item marked not-an-item, a paragraph taken
/// as an item and a lead unit replaced. On SQLite and PostgreSQL.
/// </summary>
public sealed class CorrectedLedgerApiTests
{
    private static readonly DateOnly July10 = new(2024, 7, 10);

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_item_list_pages_and_filters_the_corrected_ledger_as_status_shows_it(Provider provider)
    {
        using var ledger = await ApiLedger.CreateAsync(provider);
        await using var services = new ServiceCollection().AddPolicyLedger(ledger.Database, TimeProvider.System).BuildServiceProvider();
        var admin = Actor.LocalAdmin("校对人");
        async Task Correct(string item, ChangeRequest change)
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CorrectionService>().CorrectAsync(admin, new CorrectionInput(item, [change], "核对原文"));
            Assert.True(result.Ok, string.Join("; ", result.Problems));
        }

        await Correct(ApiLedger.ItemKey(ApiLedger.DocA, 2), new ChangeRequest(CorrectionKind.NotAnItem));
        // #3 was read as 交通运输局's: its role (as read) is given to 人社局 instead.
        LedgerRole role;
        await using (var db = ledger.Database.CreateContext())
        {
            role = await db.Responsibilities.Where(r => r.Item!.Document!.DocNumber == ApiLedger.DocA && r.Item.Key == "3").Select(r => r.Role).SingleAsync();
        }

        await Correct(ApiLedger.ItemKey(ApiLedger.DocA, 3), new ChangeRequest(CorrectionKind.SetRole, role, "县人力资源和社会保障局"));
        await Correct(ApiLedger.ItemKey(ApiLedger.DocA, 4), new ChangeRequest(CorrectionKind.AsItem, Value: "各责任单位要制定落实方案和台账,每季度末向县政府报告进展情况。"));

        IReadOnlyList<StatusRow> status;
        await using (var scope = services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<StatusService>().StatusAsync(admin, new StatusQuery(TrackingScope.Default, July10));
            Assert.True(report.Ok, report.Problem?.ToString());
            status = report.Value!.Rows;
        }

        // 6 read, one not an item, one paragraph taken as an item.
        Assert.Equal(6, status.Count);
        await using var host = new TestHost(ledger.Database);
        var adminClient = host.WithToken(ledger.Tokens["admin"]);
        var (keys, total) = await AllPagesAsync(adminClient, "/api/v1/items?pageSize=2&asOf=2024-07-10");
        Assert.Equal(status.Select(r => r.Item.Key), keys);
        Assert.Equal(status.Count, total);
        Assert.DoesNotContain(ApiLedger.ItemKey(ApiLedger.DocA, 2), keys);
        Assert.Contains(ApiLedger.ItemKey(ApiLedger.DocA, 4), keys);

        // The unit filter and a reporter's items go by the units as corrected: #3 is 人社局's now, no longer 交通运输局's.
        var third = status.Single(r => r.Item.Key == ApiLedger.ItemKey(ApiLedger.DocA, 3));
        Assert.DoesNotContain(third.Item.Units, u => u.Key == "甲县/交通运输局");
        foreach (var unit in third.Item.Units.Select(u => u.Key).Prepend("甲县/交通运输局"))
        {
            var (ofUnit, unitTotal) = await AllPagesAsync(adminClient, "/api/v1/items?pageSize=2&asOf=2024-07-10&unit=" + Uri.EscapeDataString(unit));
            var expected = status.Where(r => r.Item.Units.Any(u => u.Key == unit)).Select(r => r.Item.Key).ToList();
            Assert.Equal(expected, ofUnit);
            Assert.Equal(expected.Count, unitTotal);
        }

        var (reporter, _) = await AllPagesAsync(host.WithToken(ledger.Tokens["reporter"]), "/api/v1/items?pageSize=2&asOf=2024-07-10");
        Assert.Equal(status.Where(r => r.Item.Units.Any(u => u.Key == "甲县/交通运输局")).Select(r => r.Item.Key), reporter);
        Assert.Equal([ApiLedger.ItemKey(ApiLedger.DocA, 1)], reporter);

        // The status endpoint counts the same rows.
        var counted = await adminClient.GetFromJsonAsync<JsonElement>("/api/v1/status?asOf=2024-07-10");
        Assert.Equal(status.Count, counted.GetProperty("total").GetInt32());
        Assert.Equal(status.Count, counted.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));
    }

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_new_version_uploaded_in_the_browser_keeps_the_corrections_on_the_items_that_carry_them(Provider provider)
    {
        using var ledger = await ApiLedger.CreateAsync(provider);
        await using var services = new ServiceCollection().AddPolicyLedger(ledger.Database, TimeProvider.System).BuildServiceProvider();
        await using var host = new TestHost(ledger.Database);
        var supervisor = host.WithToken(ledger.Tokens["supervisor"]);
        const string number = "甲政〔2024〕21号";
        string[] items = ["汛前完成河道清淤5公里。(县水利局负责)", "新增城镇就业岗位800个。(县人力资源和社会保障局负责)", "年底前建成充电桩60个。(县交通运输局负责)"];
        async Task<JsonElement> UploadAsync(params string[] texts)
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ApiLedger.Document("甲县人民政府关于印发2024年民生实事的通知", number, "2024年2月1日", texts))), "files", "民生实事.txt" },
            };
            var response = await supervisor.PostAsync("/api/v1/documents", form);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        await UploadAsync(items);
        var admin = Actor.LocalAdmin("校对人");
        await using (var scope = services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CorrectionService>().CorrectAsync(admin, new CorrectionInput(ApiLedger.ItemKey(number, 2), [new ChangeRequest(CorrectionKind.NotAnItem)], "不是任务"));
            Assert.True(result.Ok, string.Join("; ", result.Problems));
        }

        // Version 2 inserts an item first: the corrected paragraph is #3 now, and the upload finds the correction there.
        var second = await UploadAsync(["3月底前完成老旧小区改造方案。(县住房和城乡建设局负责)", .. items]);
        Assert.Equal("newversion", second.GetProperty("files")[0].GetProperty("outcome").GetString());
        Assert.Equal(1, second.GetProperty("corrections").GetProperty("applied").GetInt32());
        Assert.Equal(0, second.GetProperty("corrections").GetProperty("orphaned").GetInt32());
        IReadOnlyList<CorrectionRow> corrections;
        IReadOnlyList<StatusRow> status;
        await using (var scope = services.CreateAsyncScope())
        {
            (corrections, _) = await scope.ServiceProvider.GetRequiredService<CorrectionService>().ListAsync(admin, number);
            var report = await scope.ServiceProvider.GetRequiredService<StatusService>().StatusAsync(admin, new StatusQuery(new TrackingScope(Document: number), July10));
            Assert.True(report.Ok, report.Problem?.ToString());
            status = report.Value!.Rows;
        }

        var correction = Assert.Single(corrections);
        Assert.Equal(CorrectionState.Applied, correction.State);
        Assert.Equal(ApiLedger.ItemKey(number, 3), correction.AppliedTo);

        // The 台账 of the new version: three items, the one marked not-an-item left out, as `status` shows it.
        var (keys, total) = await AllPagesAsync(supervisor, "/api/v1/items?pageSize=2&asOf=2024-07-10&document=" + Uri.EscapeDataString(number));
        Assert.Equal(status.Select(r => r.Item.Key), keys);
        Assert.Equal([ApiLedger.ItemKey(number, 1), ApiLedger.ItemKey(number, 2), ApiLedger.ItemKey(number, 4)], keys);
        Assert.Equal(3, total);
    }

    private static async Task<(List<string> Keys, int Total)> AllPagesAsync(HttpClient client, string path)
    {
        var keys = new List<string>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"{path}&page={page}");
            var rows = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).ToList();
            var total = body.GetProperty("total").GetInt32();
            keys.AddRange(rows);
            if (rows.Count == 0 || keys.Count >= total)
            {
                Assert.Equal(total, keys.Count);
                return (keys, total);
            }
        }
    }
}
