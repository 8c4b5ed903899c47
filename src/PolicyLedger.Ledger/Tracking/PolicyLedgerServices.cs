using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// The one composition of the application services, shared by the CLI and the web host: the ledger context and the
/// tracking services are scoped (one per command or request); the clock and the offices' time zone are singletons.
/// The host makes sure the database is migrated before it resolves a scope.
/// </summary>
public static class PolicyLedgerServices
{
    /// <param name="zone">The offices' time zone (default Asia/Shanghai): what "today" and local times mean.</param>
    public static IServiceCollection AddPolicyLedger(this IServiceCollection services, LedgerDatabase database, TimeProvider clock, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        services.AddSingleton(database);
        services.AddSingleton(clock);
        // Resolved from the container, so a host (or a test host) that registers another database or clock later is obeyed.
        services.AddSingleton(sp => new TrackingClockSource(sp.GetRequiredService<TimeProvider>(), zone ?? TrackingClock.DefaultZone));
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<LedgerDatabase>().CreateContext();
            context.AuditClock = sp.GetRequiredService<TimeProvider>();
            return context;
        });
        services.AddScoped<ItemPages>();
        services.AddScoped<TrackingItems>();
        services.AddScoped<ScopeService>();
        services.AddScoped<StatusService>();
        services.AddScoped<BulletinService>();
        services.AddScoped<ReportService>();
        services.AddScoped<FormService>();
        services.AddScoped<CadenceService>();
        services.AddScoped<AuditService>();
        services.AddScoped<LedgerExportService>();
        return services;
    }
}
