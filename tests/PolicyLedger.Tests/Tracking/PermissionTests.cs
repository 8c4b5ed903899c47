using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Tests.Tracking;

/// <summary>The permission rules of docs/tracking.md, checked as the services apply them.</summary>
public class PermissionTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("2024Q2");

    // role, action, allowed: the table of docs/tracking.md, one line per cell.
    [Theory]
    [InlineData(ActorRole.Admin, TrackingAction.ViewStatus, true)]
    [InlineData(ActorRole.Admin, TrackingAction.WriteBulletin, true)]
    [InlineData(ActorRole.Admin, TrackingAction.ExportLedger, true)]
    [InlineData(ActorRole.Admin, TrackingAction.ExportForm, true)]
    [InlineData(ActorRole.Admin, TrackingAction.Report, true)]
    [InlineData(ActorRole.Admin, TrackingAction.ViewCadence, true)]
    [InlineData(ActorRole.Admin, TrackingAction.ChangeCadence, true)]
    [InlineData(ActorRole.Admin, TrackingAction.ViewAudit, true)]
    [InlineData(ActorRole.Admin, TrackingAction.ChangeSettings, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ViewStatus, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.WriteBulletin, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ExportLedger, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ExportForm, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.Report, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ViewCadence, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ChangeCadence, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ViewAudit, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ChangeSettings, false)]
    [InlineData(ActorRole.Reporter, TrackingAction.ViewStatus, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.WriteBulletin, false)]
    [InlineData(ActorRole.Reporter, TrackingAction.ExportLedger, false)]
    [InlineData(ActorRole.Reporter, TrackingAction.ExportForm, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.Report, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.ViewCadence, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.ChangeCadence, false)]
    [InlineData(ActorRole.Reporter, TrackingAction.ViewAudit, false)]
    [InlineData(ActorRole.Reporter, TrackingAction.ChangeSettings, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.ViewStatus, true)]
    [InlineData(ActorRole.Viewer, TrackingAction.WriteBulletin, true)]
    [InlineData(ActorRole.Viewer, TrackingAction.ExportLedger, true)]
    [InlineData(ActorRole.Viewer, TrackingAction.ExportForm, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.Report, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.ViewCadence, true)]
    [InlineData(ActorRole.Viewer, TrackingAction.ChangeCadence, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.ViewAudit, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.ChangeSettings, false)]
    [InlineData(ActorRole.Admin, TrackingAction.Review, true)]
    [InlineData(ActorRole.Admin, TrackingAction.Correct, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.Review, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.Correct, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.Review, false)]
    [InlineData(ActorRole.Reporter, TrackingAction.Correct, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.Review, true)]
    [InlineData(ActorRole.Viewer, TrackingAction.Correct, false)]
    [InlineData(ActorRole.Admin, TrackingAction.ImportDocuments, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.ImportDocuments, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.ImportDocuments, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.ImportDocuments, false)]
    [InlineData(ActorRole.Admin, TrackingAction.CompareDocuments, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.CompareDocuments, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.CompareDocuments, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.CompareDocuments, true)]
    [InlineData(ActorRole.Admin, TrackingAction.FindBenefits, true)]
    [InlineData(ActorRole.Supervisor, TrackingAction.FindBenefits, true)]
    [InlineData(ActorRole.Reporter, TrackingAction.FindBenefits, false)]
    [InlineData(ActorRole.Viewer, TrackingAction.FindBenefits, true)]
    public void Rules(ActorRole role, TrackingAction action, bool allowed)
    {
        var problem = Permissions.Check(new Actor("某人", role, [], []), action);
        Assert.Equal(allowed, problem is null);
        if (problem is not null)
        {
            Assert.Equal(("PL-A01", ProblemKind.Denied), (problem.Code, problem.Kind));
            Assert.Contains("无权" + Permissions.ActionName(action), problem.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<TrackingLedger> TwoPlacesAsync()
    {
        var l = await TrackingLedger.CreateAsync();
        await l.AddDocumentAsync("/nowhere/a.txt", "甲市2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "甲一", ["财政局"], null), ("2", "甲二", ["人社局"], null)], jurisdiction: "甲市", docNumber: "甲政〔2024〕1号");
        await l.AddDocumentAsync("/nowhere/b.txt", "乙县2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "乙一", ["财政局"], null)], jurisdiction: "乙县", docNumber: "乙政〔2024〕2号");
        return l;
    }

    [Fact]
    public async Task A_reporter_sees_and_reports_only_for_its_units()
    {
        await using var l = await TwoPlacesAsync();
        var reporter = new Actor("张三", ActorRole.Reporter, ["甲市/财政局"], []);
        var status = await l.Get<StatusService>().StatusAsync(reporter, new StatusQuery(TrackingScope.Default, new DateOnly(2024, 7, 10)));
        Assert.Equal(["甲政〔2024〕1号#1"], status.Value!.Rows.Select(r => r.Item.Key));

        l.At("2024-06-28");
        Assert.Equal(ReportOutcome.Added, (await l.Reports.AddAsync(reporter, new ReportInput("甲政〔2024〕1号#1", Q2, 50, false, null, null, [], null))).Outcome);
        var other = await l.Reports.AddAsync(reporter, new ReportInput("甲政〔2024〕1号#2", Q2, 50, false, null, null, [], null));
        Assert.Equal(("PL-A03", ProblemKind.Denied), (other.Problem!.Code, other.Problem.Kind));
        var bulletin = await l.Get<BulletinService>().BulletinAsync(reporter, new BulletinRequest(Q2, new TrackingScope("甲市"), null, null, "x", ["y"]));
        Assert.Equal("PL-A01", bulletin.Problem!.Code);
        var form = await l.Get<FormService>().FormAsync(reporter, "人社局", Q2, new TrackingScope("甲市"));
        Assert.Equal("PL-A03", form.Problem!.Code);
    }

    [Fact]
    public async Task A_supervisor_of_one_jurisdiction_is_refused_another()
    {
        await using var l = await TwoPlacesAsync();
        var supervisor = new Actor("李四", ActorRole.Supervisor, [], ["甲市"]);
        var own = await l.Get<StatusService>().StatusAsync(supervisor, new StatusQuery(TrackingScope.Default, new DateOnly(2024, 7, 10)));
        Assert.All(own.Value!.Rows, r => Assert.Equal("甲市", r.Item.Jurisdiction));
        var other = await l.Get<StatusService>().StatusAsync(supervisor, new StatusQuery(new TrackingScope("乙县"), new DateOnly(2024, 7, 10)));
        Assert.Equal(("PL-A02", ProblemKind.Denied), (other.Problem!.Code, other.Problem.Kind));
        l.At("2024-06-28");
        var report = await l.Reports.AddAsync(supervisor, new ReportInput("乙政〔2024〕2号#1", Q2, 50, false, null, null, [], null));
        Assert.Equal("PL-A02", report.Problem!.Code);
        var cadence = await l.Get<CadenceService>().SetAsync(supervisor, (await l.ItemsAsync()).Single(i => i.Jurisdiction == "乙县").SourceId, 0, PeriodKind.Month, null);
        Assert.Equal("PL-A02", cadence.Problem!.Code);
        Assert.Equal("PL-A01", (await l.Get<ScopeService>().SaveDefaultAsync(supervisor, new TrackingScope("甲市"))).Problem!.Code);
    }

    [Fact]
    public async Task A_viewer_reads_but_never_writes()
    {
        await using var l = await TwoPlacesAsync();
        var viewer = new Actor("王五", ActorRole.Viewer, [], []);
        Assert.True((await l.Get<StatusService>().StatusAsync(viewer, new StatusQuery(TrackingScope.Default, new DateOnly(2024, 7, 10)))).Ok);
        Assert.Equal("PL-A01", (await l.Reports.AddAsync(viewer, new ReportInput("甲政〔2024〕1号#1", Q2, 50, false, null, null, [], null))).Problem!.Code);
        Assert.Equal("PL-A01", (await l.Get<AuditService>().ListAsync(viewer)).Problem!.Code);
        Assert.Equal(0, l.Db.ProgressReports.Count());
    }

    [Fact]
    public async Task One_composition_serves_every_service()
    {
        await using var l = await TrackingLedger.CreateAsync();
        await using var provider = new ServiceCollection().AddPolicyLedger(l.Database, TimeProvider.System).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();
        foreach (var type in new[] { typeof(TrackingItems), typeof(ScopeService), typeof(StatusService), typeof(BulletinService), typeof(ReportService), typeof(FormService), typeof(CadenceService), typeof(AuditService), typeof(LedgerExportService), typeof(LedgerContext) })
        {
            Assert.NotNull(scope.ServiceProvider.GetRequiredService(type));
        }

        Assert.Same(scope.ServiceProvider.GetRequiredService<LedgerContext>(), scope.ServiceProvider.GetRequiredService<LedgerContext>());
    }
}
