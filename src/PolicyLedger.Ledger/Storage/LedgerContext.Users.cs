using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Users;

namespace PolicyLedger.Ledger.Storage;

// The web application's part of the ledger (issue 12): users, their units and jurisdictions, bearer tokens and the
// data protection keys, so that no instance of the web host keeps state that another cannot see.
public abstract partial class LedgerContext
{
    public DbSet<LedgerUser> Users => Set<LedgerUser>();

    public DbSet<LedgerUserUnit> UserUnits => Set<LedgerUserUnit>();

    public DbSet<LedgerUserJurisdiction> UserJurisdictions => Set<LedgerUserJurisdiction>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    private static void OnUsersModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerUser>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.Name).IsUnique();
            e.Property(u => u.Name).HasMaxLength(128);
            e.Property(u => u.Role).HasMaxLength(16);
            e.Property(u => u.PasswordHash).HasMaxLength(512).HasAnnotation(AuditInterceptor.AnnotationName, AuditInterceptor.Secret);
            e.Property(u => u.SecurityStamp).HasMaxLength(64).HasAnnotation(AuditInterceptor.AnnotationName, AuditInterceptor.Secret);
        });

        modelBuilder.Entity<LedgerUserUnit>(e =>
        {
            e.ToTable("user_units");
            e.HasKey(u => new { u.UserId, u.UnitKey });
            e.HasOne<LedgerUser>().WithMany(u => u.Units).HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(u => u.UnitKey).HasMaxLength(512);
        });

        modelBuilder.Entity<LedgerUserJurisdiction>(e =>
        {
            e.ToTable("user_jurisdictions");
            e.HasKey(u => new { u.UserId, u.Jurisdiction });
            e.HasOne<LedgerUser>().WithMany(u => u.Jurisdictions).HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(u => u.Jurisdiction).HasMaxLength(256);
        });

        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(t => t.Hash).HasMaxLength(64).HasAnnotation(AuditInterceptor.AnnotationName, AuditInterceptor.Secret);
            e.Property(t => t.LastUsedAt).HasAnnotation(AuditInterceptor.AnnotationName, AuditInterceptor.Skip);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.Label).HasMaxLength(256);
        });

        modelBuilder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(k => k.FriendlyName).HasMaxLength(256);
        });
    }
}
