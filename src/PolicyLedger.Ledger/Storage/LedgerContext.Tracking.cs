using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Tracking;

namespace PolicyLedger.Ledger.Storage;

// The tracking part of the ledger (issue 5): progress reports, evidence, cadences and the audit log, and the
// SaveChanges interceptor that writes an audit row for every change in the same transaction.
public abstract partial class LedgerContext
{
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<ProgressFigure> ProgressFigures => Set<ProgressFigure>();

    public DbSet<ProgressEvidence> ProgressEvidence => Set<ProgressEvidence>();

    public DbSet<EvidenceBlob> EvidenceBlobs => Set<EvidenceBlob>();

    public DbSet<DocumentCadence> Cadences => Set<DocumentCadence>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<LedgerSetting> Settings => Set<LedgerSetting>();

    private string? _auditActor;

    /// <summary>
    /// Who the changes saved through this context are made by (the CLI sets --by or the OS user). Found when first
    /// asked: a context that only reads (every web request's) never looks up the environment and the OS user.
    /// </summary>
    public string AuditActor
    {
        get => _auditActor ??= DefaultActor();
        set => _auditActor = value;
    }

    /// <summary>What the changes are part of ("import a.txt", "progress add").</summary>
    public string? AuditContext { get; set; }

    /// <summary>The clock audit times come from; the CLI passes <see cref="TimeProvider.System"/>, tests a fake one.</summary>
    public TimeProvider AuditClock { get; set; } = TimeProvider.System;

    /// <summary>
    /// The hook for changes that bypass the change tracker (ExecuteUpdate, raw SQL): records one audit row, saved
    /// with the next SaveChanges.
    /// </summary>
    public AuditEntry Audit(string action, string entity, string? key, string? before, string? after)
    {
        var entry = new AuditEntry
        {
            At = AuditClock.GetUtcNow().ToUniversalTime(),
            Actor = AuditActor,
            Action = action,
            Entity = entity,
            EntityKey = key,
            Context = AuditContext,
            Before = before,
            After = after,
        };
        AuditLog.Add(entry);
        return entry;
    }

    /// <summary>The items whose details a save in progress must build again once its rows are written (<see cref="ReadingCopiesInterceptor"/>).</summary>
    internal List<Func<long>> DetailsToBuild { get; } = [];

    /// <summary>POLICYLEDGER_USER, else the operating-system user: who an import or a report is by when nobody says.</summary>
    public static string DefaultActor() =>
        Environment.GetEnvironmentVariable("POLICYLEDGER_USER") is { Length: > 0 } user ? user : Environment.UserName;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.AddInterceptors(ReadingCopiesInterceptor.Instance, AuditInterceptor.Instance);
        base.OnConfiguring(optionsBuilder);
    }

    private static void OnTrackingModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProgressReport>(e =>
        {
            e.ToTable("progress_reports");
            e.HasIndex(r => new { r.SourceId, r.DocumentPosition, r.ItemKey, r.UnitId, r.Period }).IsUnique();
            e.HasIndex(r => r.Period);
            e.HasOne<Model.LedgerSource>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Model.LedgerItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Model.LedgerUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Period).HasMaxLength(16);
            e.Property(r => r.Percent).HasPrecision(9, 4);
        });

        modelBuilder.Entity<ProgressFigure>(e =>
        {
            e.ToTable("progress_figures");
            e.HasOne<ProgressReport>().WithMany(r => r.Figures).HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.Property(f => f.Value).HasPrecision(28, 6);
            e.Property(f => f.Target).HasPrecision(28, 6);
        });

        modelBuilder.Entity<ProgressEvidence>(e =>
        {
            e.ToTable("progress_evidence");
            e.HasOne<ProgressReport>().WithMany(r => r.Evidence).HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.Sha256);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });

        modelBuilder.Entity<EvidenceBlob>(e =>
        {
            e.ToTable("evidence_blobs");
            e.HasKey(b => b.Sha256);
            e.Property(b => b.Sha256).HasMaxLength(64);
        });

        modelBuilder.Entity<DocumentCadence>(e =>
        {
            e.ToTable("document_cadences");
            e.HasKey(c => new { c.SourceId, c.DocumentPosition });
            e.HasOne<Model.LedgerSource>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.Kind).HasMaxLength(16);
        });

        modelBuilder.Entity<LedgerSetting>(e =>
        {
            e.ToTable("settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(64);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Entity, a.EntityKey });
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.Entity).HasMaxLength(64);
        });
    }
}
