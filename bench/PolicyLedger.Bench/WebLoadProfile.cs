using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Api;

namespace PolicyLedger.Bench;

/// <summary>
/// Where a 台账 page's CPU goes, in process and without HTTP (<c>web-profile CONNECTION JURISDICTION UNIT [N]</c>): the
/// whole page, then its stages alone — the page's rows read, their reports loaded and judged, the rows shaped as JSON —
/// each as CPU milliseconds a page, after a warm-up (the least of five rounds, and their median).
/// </summary>
internal static class WebLoadProfile
{
    public static async Task<int> RunAsync(string connection, string jurisdiction, string unit, int n)
    {
        using var counting = SqlCommands.Listen();
        var database = LedgerDatabase.Postgres(connection);
        await using var services = new ServiceCollection().AddPolicyLedger(database, TimeProvider.System).BuildServiceProvider();
        var actor = Actor.LocalAdmin("profile");
        var asOf = new DateOnly(2024, 7, 10);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        async Task<T> In<T>(Func<IServiceProvider, Task<T>> use)
        {
            await using var scope = services.CreateAsyncScope();
            return await use(scope.ServiceProvider);
        }

        var page = await In(sp => sp.GetRequiredService<ItemPages>().PageAsync(actor, new ItemPageQuery(new TrackingScope(jurisdiction), asOf, Page: 3)));
        var ids = page.Value!.Rows.Select(r => r.Item.ItemId!.Value).ToList();
        var tracked = page.Value.Rows.Select(r => r.Item).ToList();

        async Task Measure(string what, Func<Task> run)
        {
            for (var i = 0; i < n; i++)
            {
                await run(); // warm-up: tiers and plans
            }

            // Five rounds of n: the least CPU a round took is the figure (another session's work on the other core of a
            // shared machine adds to a round's CPU, never takes from it); the median is said beside it.
            var rounds = new List<(double Cpu, double Wall)>();
            var (commands, compiled) = (SqlCommands.Count, SqlCommands.Compiled);
            for (var round = 0; round < 5; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    await run();
                }

                rounds.Add(((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n, wall.Elapsed.TotalMilliseconds / n));
            }

            var sorted = rounds.OrderBy(r => r.Cpu).ToList();
            Console.WriteLine($"  {what,-40} CPU {sorted[0].Cpu,6:0.00} ms (median {sorted[2].Cpu,6:0.00})  wall {rounds.Min(r => r.Wall),6:0.00} ms  SQL commands {(SqlCommands.Count - commands) / (5.0 * n):0.0}  queries compiled {(SqlCommands.Compiled - compiled) / (5.0 * n):0.0}");
        }

        Console.WriteLine($"a page of 50 rows of {jurisdiction}, {n} times each:");
        await Measure("a page of one row", () => In(sp => sp.GetRequiredService<ItemPages>().PageAsync(actor, new ItemPageQuery(new TrackingScope(jurisdiction), asOf, Page: 3, PageSize: 1))));
        await Measure("rows read (OfUncorrectedAsync)", () => In(sp => sp.GetRequiredService<TrackingItems>().OfUncorrectedAsync(ids)));
        await Measure("reports loaded (StatusService.LoadAsync)", () => In(sp => sp.GetRequiredService<StatusService>().LoadAsync(tracked)));
        await Measure("whole page (ItemPages.PageAsync)", () => In(sp => sp.GetRequiredService<ItemPages>().PageAsync(actor, new ItemPageQuery(new TrackingScope(jurisdiction), asOf, Page: 3))));
        await Measure("status of a unit (ItemPages.StatusAsync)", () => In(sp => sp.GetRequiredService<ItemPages>().StatusAsync(actor, new ItemPageQuery(TrackingScope.Default, asOf, unit))));
        var book = await In(sp => sp.GetRequiredService<StatusService>().LoadAsync(tracked));
        await Measure("judged (StatusBook.At)", () => Task.FromResult(book.At(asOf)));
        var rows = book.At(asOf);
        await Measure("JSON (ItemDto)", () => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(rows.Select(ItemDto.Of).ToList(), json)));
        await Measure("one trivial query", () => In(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(sp.GetRequiredService<LedgerContext>().Units.Where(u => u.Id == 1).Select(u => u.Key))));
        await Measure("one query by 50 ids", () => In(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(sp.GetRequiredService<LedgerContext>().Items.Where(i => ids.Contains(i.Id)).Select(i => i.Text))));
        await Measure("a scope and a context (nothing asked)", () => In(sp => Task.FromResult(sp.GetRequiredService<LedgerContext>().Model)));
        return 0;
    }
}
