using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// The ledger's database. The model is the same for every provider; each provider has a subclass
/// (<see cref="SqliteLedgerContext"/>, <see cref="PostgresLedgerContext"/>) that owns its migrations
/// (Migrations/Sqlite, Migrations/Postgres). Open one with <see cref="LedgerDatabase.CreateContext"/>.
/// </summary>
public abstract partial class LedgerContext : DbContext
{
    protected LedgerContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<LedgerSource> Sources => Set<LedgerSource>();

    public DbSet<LedgerDocument> Documents => Set<LedgerDocument>();

    public DbSet<LedgerSourceText> SourceTexts => Set<LedgerSourceText>();

    public DbSet<LedgerHeading> Headings => Set<LedgerHeading>();

    public DbSet<LedgerItem> Items => Set<LedgerItem>();

    public DbSet<LedgerUnit> Units => Set<LedgerUnit>();

    public DbSet<LedgerResponsibility> Responsibilities => Set<LedgerResponsibility>();

    public DbSet<LedgerQuantity> Quantities => Set<LedgerQuantity>();

    public DbSet<LedgerTime> Times => Set<LedgerTime>();

    public DbSet<LedgerItemDiagnostic> ItemDiagnostics => Set<LedgerItemDiagnostic>();

    public DbSet<ImportLogEntry> ImportLog => Set<ImportLogEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerSource>(e =>
        {
            e.ToTable("sources");
            e.HasIndex(s => s.Path).IsUnique();
            e.Property(s => s.Path).HasMaxLength(2048);
            e.Property(s => s.FileName).HasMaxLength(512);
            e.Property(s => s.CurrentHash).HasMaxLength(64);
        });

        modelBuilder.Entity<LedgerDocument>(e =>
        {
            e.ToTable("documents");
            e.HasOne(d => d.Source).WithMany(s => s.Documents).HasForeignKey(d => d.SourceId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => new { d.SourceId, d.Version, d.Position }).IsUnique();
            e.HasIndex(d => d.IsCurrent);
            e.HasIndex(d => d.DocNumber);
            e.HasIndex(d => d.Key);
            // With the id: a jurisdiction's documents come in id order, so the 台账's page (ordered by document and item) needs
            // no walk of every document in id order.
            e.HasIndex(d => new { d.Jurisdiction, d.Id });
            e.Property(d => d.Key).HasMaxLength(512);
            e.Property(d => d.ContentHash).HasMaxLength(64);
            e.Property(d => d.CadenceKind).HasMaxLength(16);
            e.Ignore(d => d.DisplayName);
        });

        modelBuilder.Entity<LedgerSourceText>(e =>
        {
            e.ToTable("source_texts");
            e.HasKey(t => new { t.SourceId, t.Version });
            e.HasOne(t => t.Source).WithMany().HasForeignKey(t => t.SourceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LedgerHeading>(e =>
        {
            e.ToTable("headings");
            e.HasOne<LedgerDocument>().WithMany(d => d.Headings).HasForeignKey(h => h.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(h => new { h.DocumentId, h.Ordinal }).IsUnique();
        });

        modelBuilder.Entity<LedgerItem>(e =>
        {
            e.ToTable("items");
            e.HasOne(i => i.Document).WithMany(d => d.Items).HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.DocumentId, i.Ordinal }).IsUnique();
        });

        modelBuilder.Entity<LedgerUnit>(e =>
        {
            e.ToTable("units");
            e.HasIndex(u => u.Key).IsUnique();
            e.HasIndex(u => u.Name);
            e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        });

        modelBuilder.Entity<LedgerResponsibility>(e =>
        {
            e.ToTable("responsibilities");
            e.HasOne(r => r.Item).WithMany(i => i.Responsibilities).HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Document).WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.ItemId, r.Ordinal }).IsUnique();
            // A unit's items (its 台账, its status) read from the index alone, with their documents, places, keys and
            // counts of times: a unit's responsibilities lie in the pages of many documents, and each item's row had
            // to be looked up (four pages an item) for what the index now holds.
            e.HasIndex(r => new { r.UnitId, r.ItemId, r.Role, r.DocumentId, r.ItemOrdinal, r.ItemKey, r.ItemTimeCount });
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<LedgerQuantity>(e =>
        {
            e.ToTable("quantities");
            e.HasOne<LedgerItem>().WithMany(i => i.Quantities).HasForeignKey(q => q.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(q => new { q.ItemId, q.Ordinal }).IsUnique();
            e.Property(q => q.Value).HasPrecision(28, 6);
            e.Property(q => q.High).HasPrecision(28, 6);
        });

        modelBuilder.Entity<LedgerTime>(e =>
        {
            e.ToTable("times");
            e.HasOne<LedgerItem>().WithMany(i => i.Times).HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.ItemId, t.Ordinal }).IsUnique();
        });

        modelBuilder.Entity<LedgerItemDiagnostic>(e =>
        {
            e.ToTable("item_diagnostics");
            e.HasOne<LedgerItem>().WithMany(i => i.Diagnostics).HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => new { d.ItemId, d.Ordinal }).IsUnique();
            e.HasIndex(d => d.Code);
            e.Property(d => d.Code).HasMaxLength(16);
            e.Property(d => d.Severity).HasMaxLength(16);
        });

        modelBuilder.Entity<ImportLogEntry>(e =>
        {
            e.ToTable("import_log");
            e.HasIndex(l => l.At);
            e.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Ignore(l => l.NewUnits);
        });

        OnTrackingModelCreating(modelBuilder);
        OnCorrectionsModelCreating(modelBuilder);
        OnUsersModelCreating(modelBuilder);
    }
}

/// <summary>The ledger on SQLite (the embedded default). Its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteLedgerContext(DbContextOptions<SqliteLedgerContext> options) : LedgerContext(options);

/// <summary>The ledger on PostgreSQL. Its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresLedgerContext(DbContextOptions<PostgresLedgerContext> options) : LedgerContext(options);
