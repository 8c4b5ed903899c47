using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Web.Api;
using PolicyLedger.Web.Tests.Support;

namespace PolicyLedger.Web.Tests;

/// <summary>The API's contracts: reports 201/403/401, the item list's JSON and paging, keys URL-encoded, problem details, uploads, evidence, bulletins, XSS, CSRF.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private ApiLedger _ledger = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _ledger = await ApiLedger.CreateAsync(Provider.Sqlite);
        _host = new TestHost(_ledger.Database, settings: new Dictionary<string, string> { ["Upload:MaxFileBytes"] = "4096", ["Upload:MaxFiles"] = "5" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _ledger.Dispose();
    }

    private HttpClient As(string role) => _host.WithToken(_ledger.Tokens[role]);

    private static JsonContent Report(int percent) => JsonContent.Create(new { period = "2024Q2", percent, done = false, figure = 8, narrative = "已完成8公里" });

    [Fact]
    public async Task A_report_is_201_for_a_reporter_of_the_items_unit_403_for_another_unit_and_401_without_credentials()
    {
        var own = "/api/v1/items/" + Uri.EscapeDataString(ApiLedger.ItemKey(ApiLedger.DocA, 3)) + "/reports";
        var created = await As("reporter").PostAsync(own, Report(30));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("added", body.GetProperty("outcome").GetString());
        Assert.Equal("甲政〔2024〕1号#3", body.GetProperty("key").GetString());

        Assert.Equal(HttpStatusCode.OK, (await As("reporter").PostAsync(own, Report(35))).StatusCode);

        var other = await As("reporter").PostAsync("/api/v1/items/" + Uri.EscapeDataString(ApiLedger.ItemKey(ApiLedger.DocA, 2)) + "/reports", Report(30));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("无权访问", problem.GetProperty("title").GetString());
        Assert.Equal("PL-A03", problem.GetProperty("code").GetString());
        Assert.Contains("只能为本单位报送", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous().PostAsync(own, Report(30))).StatusCode);

        var item = await As("reporter").GetFromJsonAsync<JsonElement>("/api/v1/items/" + Uri.EscapeDataString(ApiLedger.ItemKey(ApiLedger.DocA, 3)));
        var history = item.GetProperty("reports").EnumerateArray().ToList();
        var mine = Assert.Single(history);
        Assert.Equal(35m, mine.GetProperty("percent").GetDecimal());
        Assert.Equal("reporter-user", mine.GetProperty("reportedBy").GetString());
        Assert.Equal("甲县/交通运输局", mine.GetProperty("unitKey").GetString());
    }

    [Fact]
    public async Task A_bad_report_is_refused_with_a_reason_and_nothing_is_stored()
    {
        var path = "/api/v1/items/" + Uri.EscapeDataString(ApiLedger.ItemKey(ApiLedger.DocA, 3)) + "/reports";
        var wrongPeriod = await As("reporter").PostAsync(path, JsonContent.Create(new { period = "2024-05", percent = 10 }));
        Assert.Equal((HttpStatusCode)422, wrongPeriod.StatusCode);
        Assert.Contains("按季度报送", (await wrongPeriod.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badPeriod = await As("reporter").PostAsync(path, JsonContent.Create(new { period = "二季度", percent = 10 }));
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal("PL-Q05", (await badPeriod.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var percent = await As("reporter").PostAsync(path, JsonContent.Create(new { period = "2024Q2", percent = 130 }));
        Assert.Equal((HttpStatusCode)422, percent.StatusCode);
        var unknown = await As("admin").PostAsync("/api/v1/items/" + Uri.EscapeDataString("甲政〔2024〕1号#99") + "/reports", Report(10));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await using var db = _ledger.Database.CreateContext();
        Assert.Equal(4, await db.ProgressReports.CountAsync());
    }

    [Fact]
    public async Task The_item_list_is_filtered_and_paged_by_the_database_with_keys_as_the_CLI_shows_them()
    {
        var all = await As("admin").GetFromJsonAsync<JsonElement>("/api/v1/items?pageSize=2");
        Assert.Equal(6, all.GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        var page2 = await As("admin").GetFromJsonAsync<JsonElement>("/api/v1/items?pageSize=2&page=2");
        var keys = all.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Equal(4, keys.Distinct().Count());
        Assert.Equal("甲政〔2024〕1号#1", keys[0]);

        var unit = await As("admin").GetFromJsonAsync<JsonElement>("/api/v1/items?unit=" + Uri.EscapeDataString("甲县/交通运输局") + "&asOf=2024-07-10");
        Assert.Equal(2, unit.GetProperty("total").GetInt32());
        var first = unit.GetProperty("items")[0];
        Assert.Equal("甲政〔2024〕1号", first.GetProperty("documentKey").GetString());
        Assert.Equal("甲县", first.GetProperty("jurisdiction").GetString());
        Assert.Equal("2024-06-30", first.GetProperty("deadline").GetString());
        Assert.Equal("2024-07-10", unit.GetProperty("asOf").GetString());
        Assert.Equal(["交通运输局"], first.GetProperty("units").EnumerateArray().Select(u => u.GetString()));

        var overdue = await As("admin").GetFromJsonAsync<JsonElement>("/api/v1/items?state=overdue&asOf=2024-07-10&jurisdiction=" + Uri.EscapeDataString("甲县"));
        Assert.All(overdue.GetProperty("items").EnumerateArray(), i => Assert.Equal("overdue", i.GetProperty("state").GetString()));
        Assert.Contains("甲政〔2024〕1号#1", overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));

        var reporter = await As("reporter").GetFromJsonAsync<JsonElement>("/api/v1/items");
        Assert.Equal(["甲政〔2024〕1号#1", "甲政〔2024〕1号#3"], reporter.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/items?asOf=2024-13-01", "PL-Q02", "asOf")]
    [InlineData("/api/v1/items?state=late", "PL-Q03", "state")]
    [InlineData("/api/v1/items?pageSize=0", "PL-Q01", "每页")]
    [InlineData("/api/v1/items?unit=%E8%B4%A2%E6%94%BF%E5%B1%80", "PL-S02", "财政局")]
    [InlineData("/api/v1/items?jurisdiction=%E4%B8%99%E5%8E%BF", "PL-S04", "丙县")]
    [InlineData("/api/v1/bulletins/2024Q2?format=pdf", "PL-Q06", "format")]
    public async Task Bad_parameters_are_problem_details_that_name_the_field(string path, string code, string named)
    {
        var response = await As("admin").GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ApiProblems.Title((int)response.StatusCode), problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_upload_imports_each_good_file_and_names_each_bad_one_with_its_reason()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ApiLedger.Document("甲县人民政府关于做好2024年防汛工作的通知", "甲政〔2024〕9号", "2024年3月1日", "汛前完成河道清淤5公里。(县水利局负责)"))), "files", "防汛.txt" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("这不是 Word 文档")), "files", "假的.docx" },
            { new ByteArrayContent(new byte[] { 0x4D, 0x5A, 0, 0, 1, 2, 3 }), "files", "程序.txt" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(new string('字', 3000))), "files", "太大.txt" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ApiLedger.Document("甲县人民政府关于做好2024年森林防火工作的通知", "甲政〔2024〕10号", "2024年3月2日", "完成防火巡查50次。(县林业局负责)"))), "files", "../../escape.txt" },
        };
        var response = await As("supervisor").PostAsync("/api/v1/documents", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var files = result.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!, f => f);
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        Assert.Equal(3, result.GetProperty("failed").GetInt32());
        Assert.Equal("imported", files["防汛.txt"].GetProperty("outcome").GetString());
        Assert.Equal(1, files["防汛.txt"].GetProperty("items").GetInt32());
        Assert.Contains("不是 Word 文档", files["假的.docx"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("不是文本文件", files["程序.txt"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("上限", files["太大.txt"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("imported", files["escape.txt"].GetProperty("outcome").GetString());
        Assert.False(File.Exists(Path.Combine(_ledger.Db.Folder, "..", "escape.txt")));
        Assert.True(File.Exists(Path.Combine(_ledger.Db.Folder, "uploads", "escape.txt")));

        var documents = await As("supervisor").GetFromJsonAsync<JsonElement>("/api/v1/documents");
        Assert.Contains("甲政〔2024〕9号", documents.EnumerateArray().Select(d => d.GetProperty("key").GetString()));

        using var many = new MultipartFormDataContent();
        for (var i = 0; i < 6; i++)
        {
            many.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("文本")), "files", $"{i}.txt");
        }

        var tooMany = await As("supervisor").PostAsync("/api/v1/documents", many);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal("PL-F04", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Evidence_is_uploaded_to_the_report_and_downloaded_as_an_attachment_with_the_same_bytes()
    {
        var key = Uri.EscapeDataString(ApiLedger.ItemKey(ApiLedger.DocA, 1));
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 现场照片");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", "现场.pdf" } };
        Assert.Equal(HttpStatusCode.OK, (await As("reporter").PostAsync($"/api/v1/items/{key}/reports/2024Q2/evidence", form)).StatusCode);
        var item = await As("reporter").GetFromJsonAsync<JsonElement>($"/api/v1/items/{key}");
        var evidence = item.GetProperty("reports")[0].GetProperty("evidence").EnumerateArray().Single();
        Assert.Equal("现场.pdf", evidence.GetProperty("fileName").GetString());
        var download = await As("viewer").GetAsync(evidence.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        using var program = new MultipartFormDataContent { { new ByteArrayContent([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1]), "files", "photo.jpg" } };
        var refused = await As("reporter").PostAsync($"/api/v1/items/{key}/reports/2024Q2/evidence", program);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("可执行程序", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bulletin_downloads_as_a_valid_docx_and_as_markdown()
    {
        var response = await As("supervisor").GetAsync("/api/v1/bulletins/2024Q2?format=docx&jurisdiction=" + Uri.EscapeDataString("甲县") + "&asOf=2024-07-10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var doc = WordprocessingDocument.Open(stream, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            Assert.Contains("2024年第二季度", doc.MainDocumentPart!.Document.InnerText, StringComparison.Ordinal);
        }

        var md = await As("viewer").GetStringAsync("/api/v1/bulletins/2024Q2?format=md&jurisdiction=" + Uri.EscapeDataString("甲县") + "&asOf=2024-07-10");
        Assert.Contains("交通运输局", md, StringComparison.Ordinal);
        Assert.DoesNotContain("住房", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_signed_in_API_call_that_changes_something_needs_the_antiforgery_token_of_a_page()
    {
        var client = await _host.SignedInAsync(ApiLedger.Name("reporter"), TestUsers.Password);
        var path = "/api/v1/items/" + Uri.EscapeDataString(ApiLedger.ItemKey(ApiLedger.DocA, 3)) + "/reports";
        var forged = await client.PostAsync(path, Report(20));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("PL-W01", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var token = page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Report(20) };
        request.Headers.Add(ApiSecurity.AntiforgeryHeader, token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_script_tag_in_a_name_is_shown_as_text_on_pages_and_escaped_in_JSON()
    {
        const string evil = "<script>alert(1)</script>";
        await TestUsers.AddAsync(_ledger.Database, evil, "viewer");
        var client = await _host.SignedInAsync(evil, TestUsers.Password);
        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain(evil, html, StringComparison.Ordinal);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Contains(evil, page.Body!.TextContent, StringComparison.Ordinal);

        var json = await As("admin").GetStringAsync("/api/v1/users");
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Contains(evil, JsonDocument.Parse(json).RootElement.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Compare_lines_up_two_stored_documents_with_their_figure_differences_and_refuses_bad_requests()
    {
        var path = $"/api/v1/compare?documents={Uri.EscapeDataString(ApiLedger.DocA)}&documents={Uri.EscapeDataString(ApiLedger.DocB)}";
        var answer = await As("admin").GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApiLedger.DocA, body.GetProperty("a").GetProperty("document").GetString());
        Assert.Equal(3, body.GetProperty("a").GetProperty("items").GetInt32());
        Assert.Equal(2, body.GetProperty("b").GetProperty("items").GetInt32());

        // Every item of A is either paired or on A's side only, once.
        var paired = body.GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("a").GetInt32()).ToList();
        var onlyInA = body.GetProperty("onlyInA").EnumerateArray().Select(n => n.GetInt32()).ToList();
        Assert.Equal([1, 2, 3], paired.Concat(onlyInA).Order());

        // The same measure with another figure: A#2 (500 jobs) and B#2 (300 jobs), the difference named.
        var jobs = body.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("a").GetInt32() == 2);
        Assert.Equal([2], jobs.GetProperty("b").EnumerateArray().Select(n => n.GetInt32()));
        var difference = Assert.Single(jobs.GetProperty("differences").EnumerateArray());
        Assert.Contains("500", difference.GetProperty("a").GetString(), StringComparison.Ordinal);
        Assert.Contains("300", difference.GetProperty("b").GetString(), StringComparison.Ordinal);

        // Three documents: one row per item of the reference, then the measures it lacks.
        var three = await As("admin").GetFromJsonAsync<JsonElement>(path + $"&documents={Uri.EscapeDataString(ApiLedger.DocC)}");
        Assert.Equal(3, three.GetProperty("documents").GetArrayLength());
        Assert.True(three.GetProperty("rows").GetArrayLength() >= 3);

        var one = await As("admin").GetAsync($"/api/v1/compare?documents={Uri.EscapeDataString(ApiLedger.DocA)}");
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        Assert.Equal("PL-Q08", (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var unknown = await As("admin").GetAsync($"/api/v1/compare?documents={Uri.EscapeDataString(ApiLedger.DocA)}&documents=无此文件");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("supervisor").GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Compare_finds_a_document_by_a_part_of_its_title_among_those_the_user_may_see()
    {
        const string Shared = "关于明确2024年重点工作责任单位"; // in the titles of 甲县's DocA and 乙县's DocB
        var path = $"/api/v1/compare?documents={Uri.EscapeDataString(Shared)}&documents={Uri.EscapeDataString("稳就业")}";

        // The supervisor of 甲县 sees one of the two: it is the one meant, and 乙县's is neither listed nor counted.
        var mine = await As("supervisor").GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var body = await mine.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApiLedger.DocA, body.GetProperty("a").GetProperty("document").GetString());
        Assert.Equal(ApiLedger.DocC, body.GetProperty("b").GetProperty("document").GetString());

        // The administrator sees both: the name is ambiguous, and both are listed.
        var all = await As("admin").GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, all.StatusCode);
        var problem = await all.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PL-Q09", problem.GetProperty("code").GetString());
        Assert.Contains("2 份文件", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_and_the_reference_are_served()
    {
        var openapi = await _host.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/items/{key}/reports", paths);
        Assert.Contains("/api/v1/items", paths);
        var benefits = openapi.GetProperty("paths").GetProperty("/api/v1/benefits").GetProperty("post");
        Assert.True(benefits.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/yaml", out _), "the benefit finder takes YAML too");
        Assert.Equal(HttpStatusCode.OK, (await _host.Anonymous().GetAsync("/scalar/")).StatusCode);
    }
}
