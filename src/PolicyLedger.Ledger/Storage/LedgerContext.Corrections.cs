using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Storage;

// The corrections part of the ledger (issue 10): reviewers' corrections of items, the units they name, and the items
// a person checked unchanged. They are audited by the correction service (item, before and after), not row by row.
public abstract partial class LedgerContext
{
    public DbSet<ItemCorrection> Corrections => Set<ItemCorrection>();

    public DbSet<CorrectionUnit> CorrectionUnits => Set<CorrectionUnit>();

    public DbSet<ReviewCheck> ReviewChecks => Set<ReviewCheck>();

    /// <summary>Current documents a correction concerns (derived: <see cref="CorrectedRows"/>).</summary>
    public DbSet<CorrectedDocument> CorrectedDocuments => Set<CorrectedDocument>();

    /// <summary>The items in effect of the corrected documents, in order, with their units as corrected (derived).</summary>
    public DbSet<CorrectedRow> CorrectedRows => Set<CorrectedRow>();

    private static void OnCorrectionsModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ItemCorrection>(e =>
        {
            e.ToTable("corrections");
            e.HasIndex(c => new { c.DocumentKey, c.ItemId });
            e.Property(c => c.DocumentKey).HasMaxLength(512);
            e.Property(c => c.SourceFile).HasMaxLength(512);
            e.Property(c => c.ItemId).HasMaxLength(128);
            e.Property(c => c.NewItemId).HasMaxLength(128);
            e.Property(c => c.NextItemId).HasMaxLength(128);
            e.Property(c => c.Fingerprint).HasMaxLength(16);
            e.Property(c => c.PreviousFingerprint).HasMaxLength(16);
            e.Property(c => c.NextFingerprint).HasMaxLength(16);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.By).HasMaxLength(256);
            e.Property(c => c.State).HasMaxLength(16);
        });

        modelBuilder.Entity<CorrectionUnit>(e =>
        {
            e.ToTable("correction_units");
            e.HasOne<ItemCorrection>().WithMany(c => c.Units).HasForeignKey(u => u.CorrectionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => new { u.CorrectionId, u.Ordinal }).IsUnique();
        });

        modelBuilder.Entity<ReviewCheck>(e =>
        {
            e.ToTable("review_checks");
            e.HasIndex(c => new { c.DocumentKey, c.ItemId });
            e.Property(c => c.DocumentKey).HasMaxLength(512);
            e.Property(c => c.SourceFile).HasMaxLength(512);
            e.Property(c => c.ItemId).HasMaxLength(128);
            e.Property(c => c.Fingerprint).HasMaxLength(16);
            e.Property(c => c.By).HasMaxLength(256);
        });

        modelBuilder.Entity<CorrectedDocument>(e =>
        {
            e.ToTable("corrected_documents");
            e.HasKey(c => c.DocumentId);
            e.HasOne(c => c.Document).WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CorrectedRow>(e =>
        {
            e.ToTable("corrected_rows");
            e.HasOne(r => r.Document).WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.DocumentId, r.Ordinal }).IsUnique();
            e.Property(r => r.ItemKey).HasMaxLength(128);
        });

        modelBuilder.Entity<CorrectedRowUnit>(e =>
        {
            e.ToTable("corrected_row_units");
            e.HasOne<CorrectedRow>().WithMany(r => r.Units).HasForeignKey(u => u.RowId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(u => new { u.UnitId, u.RowId });
            e.HasIndex(u => u.RowId);
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        });
    }
}
