using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Web.Hosting;

/// <summary>The ledger services the web host shares with the CLI: the database, the clock, one ledger context per request.</summary>
public static class WebServices
{
    public static IServiceCollection AddLedger(IServiceCollection services, LedgerDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(sp =>
        {
            var context = database.CreateContext();
            context.AuditClock = sp.GetRequiredService<TimeProvider>();
            context.AuditContext = "web";
            return context;
        });
        return services;
    }
}
