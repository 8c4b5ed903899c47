using Microsoft.AspNetCore.DataProtection.KeyManagement;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Web.Hosting;

/// <summary>
/// Before the server takes requests: the ledger's migrations are applied, and the data protection key ring has a
/// current key (made here, once, rather than by whichever instance first signs someone in).
/// </summary>
public sealed class LedgerStartup(LedgerDatabase database, IKeyManager keys, TimeProvider clock, ILogger<LedgerStartup> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using (await database.OpenAsync(cancellationToken))
        {
        }

        var now = clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
        {
            keys.CreateNewKey(now, now.AddDays(90));
        }

        log.LogInformation("PolicyLedger web on {Database}", database.Display);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
