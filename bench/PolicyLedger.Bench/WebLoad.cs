using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;
using PolicyLedger.Web;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Bench;

/// <summary>
/// The load benchmark of the web application (not run by CI): a ledger of about <c>items</c> generated items in a
/// fresh PostgreSQL database, the web host on 127.0.0.1, and 50 concurrent clients with a bearer token asking for
/// the 台账 (50 rows: one jurisdiction, or one jurisdiction and one unit) and a unit's status, bounded in requests
/// and time; p50/p95/p99 per kind of request.
/// <c>dotnet run -c Release --project bench/PolicyLedger.Bench -- web-load [items] [requests] [seconds] [clients]</c>
/// with POLICYLEDGER_TEST_PG naming the server (<c>eval "$(bash scripts/start-postgres.sh)"</c>).
/// <para>
/// Loading: a template of generated documents is read and imported by the real importer; the database then copies
/// it in bulk (one INSERT … SELECT … generate_series per table, ids offset per copy, foreign keys found in the
/// catalogue) until the ledger holds the items asked for. Each copy is a jurisdiction of its own (its name, its
/// units' keys and its documents' keys get the copy's number), so one jurisdiction holds what a county would. A
/// copy's rows are written together, in the template's order, as an import lays them down (an item's responsibilities,
/// figures and times side by side); without the order PostgreSQL wrote each template row's copies one after another,
/// so each of an item's rows lay in a page of its own and a page of 50 items read some 150 pages more than a ledger
/// filled by imports does.
/// </para>
/// </summary>
public static class WebLoad
{
    private const int TemplateDocuments = 400;

    /// <summary>The tables a copy repeats, parents first; the columns renamed per copy so that unique keys stay unique.</summary>
    private static readonly string[] Tables = ["sources", "source_texts", "documents", "headings", "items", "units", "responsibilities", "quantities", "times", "item_diagnostics"];

    private static readonly Dictionary<(string Table, string Column), string> Renamed = new()
    {
        [("sources", "Path")] = "\"Path\" || '#' || k",
        [("documents", "Jurisdiction")] = "\"Jurisdiction\" || '#' || k",
        [("documents", "Key")] = "\"Key\" || '#' || k",
        [("units", "Jurisdiction")] = "\"Jurisdiction\" || '#' || k",
        [("units", "Key")] = "\"Key\" || '#' || k",
        // An item's details name its units: built for the copies once their roles are in (below).
        [("items", "Details")] = "NULL",
    };

    public static int Run(int items, int requests, int seconds, int clients = 50)
    {
        var server = Environment.GetEnvironmentVariable("POLICYLEDGER_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("web-load needs a PostgreSQL server: eval \"$(bash scripts/start-postgres.sh)\" sets POLICYLEDGER_TEST_PG");
            return 2;
        }

        // POLICYLEDGER_LOAD_DATABASE names a database to keep: loaded on the first run, measured again on later runs.
        var kept = Environment.GetEnvironmentVariable("POLICYLEDGER_LOAD_DATABASE");
        var name = string.IsNullOrWhiteSpace(kept) ? $"pl_load_{Guid.NewGuid():N}" : kept;
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 100 }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("policyledger-web-load-").FullName;
        try
        {
            var database = LedgerDatabase.Postgres(connection);
            var total = LoadedItems(server, name) is { } loaded and > 0 ? loaded : LoadAsync(database, folder, items).GetAwaiter().GetResult();
            return MeasureAsync(database, total, requests, TimeSpan.FromSeconds(seconds), clients).GetAwaiter().GetResult();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (string.IsNullOrWhiteSpace(kept))
            {
                using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
                admin.Open();
                using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How many items a kept database holds already, or null when it does not exist yet.</summary>
    private static long? LoadedItems(string server, string name)
    {
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        admin.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        if (exists.ExecuteScalar() is null)
        {
            return null;
        }

        using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString);
        db.Open();
        using var table = new NpgsqlCommand("SELECT to_regclass('items') IS NOT NULL", db);
        using var count = new NpgsqlCommand("SELECT COUNT(*) FROM items", db);
        var items = table.ExecuteScalar() is true ? Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) : 0;
        Console.WriteLine($"kept database {name}: {items} items");
        return items;
    }

    private static async Task<long> LoadAsync(LedgerDatabase database, string folder, int wanted)
    {
        var clock = Stopwatch.StartNew();
        var files = CorpusGenerator.WriteTo(Path.Combine(folder, "corpus"), TemplateDocuments);
        var summary = await new LedgerImporter(database, PolicyReader.Default, new ResolverUnitResolution(), TimeProvider.System).ImportAsync(files);
        if (summary.Failed > 0 || summary.Items == 0)
        {
            throw new InvalidOperationException($"the template did not import: {summary}");
        }

        Console.WriteLine($"template: {summary.Documents} documents, {summary.Items} items imported in {clock.Elapsed.TotalSeconds:0.0} s");
        var copies = (int)Math.Ceiling(wanted / (double)summary.Items) - 1;
        await using var db = new NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        var columns = await ColumnsAsync(db);
        var references = await ForeignKeysAsync(db);
        var maxima = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            maxima[table] = columns[table].Contains("Id") ? await ScalarAsync(db, $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"") : 0;
        }

        await ExecuteAsync(db, "ANALYZE");
        var copy = Stopwatch.StartNew();
        foreach (var table in Tables)
        {
            var select = columns[table].Select(c =>
                Renamed.TryGetValue((table, c), out var renamed) ? renamed
                : c == "Id" ? $"\"Id\" + k * {maxima[table]}"
                : references.TryGetValue((table, c), out var parent) && maxima.TryGetValue(parent, out var offset) ? $"\"{c}\" + k * {offset}"
                : $"\"{c}\"");
            var list = string.Join(", ", columns[table].Select(c => $"\"{c}\""));
            var sql = $"INSERT INTO \"{table}\" ({list}) SELECT {string.Join(", ", select)} FROM \"{table}\" CROSS JOIN generate_series(1, {copies}) AS k ORDER BY k, \"{table}\".ctid";
            var step = Stopwatch.StartNew();
            var rows = await ExecuteAsync(db, sql);
            // The next tables' foreign keys are checked against this one: planned for its new size, not the template's
            // (a check planned while autovacuum had not yet counted the template's rows scanned the whole table, minutes).
            await ExecuteAsync(db, $"ANALYZE \"{table}\"");
            Console.WriteLine($"  {table}: {rows} rows copied in {step.Elapsed.TotalSeconds:0.0} s");
            if (columns[table].Contains("Id"))
            {
                await ExecuteAsync(db, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
            }
        }

        // Every item's details from its own rows (the template's again too), as an import builds them (the new row
        // versions are written in the items' order, as an import writes them; VACUUM frees the old ones).
        var details = Stopwatch.StartNew();
        var built = await ExecuteAsync(db, ItemDetails.AllSql(postgres: true));
        await ExecuteAsync(db, "VACUUM items");
        Console.WriteLine($"  items' details: {built} built in {details.Elapsed.TotalSeconds:0.0} s");
        await ExecuteAsync(db, "ANALYZE");
        var total = await ScalarAsync(db, "SELECT COUNT(*) FROM items");
        Console.WriteLine($"ledger: {total} items, {await ScalarAsync(db, "SELECT COUNT(*) FROM documents")} documents, {await ScalarAsync(db, "SELECT COUNT(DISTINCT \"Jurisdiction\") FROM documents")} jurisdictions, {await ScalarAsync(db, "SELECT COUNT(*) FROM units")} units; copied in {copy.Elapsed.TotalSeconds:0.0} s, loaded in {clock.Elapsed.TotalSeconds:0.0} s");
        return total;
    }

    /// <summary>Warm-up rounds of this many requests, until a round makes the host's JIT compile fewer than <see cref="QuietJit"/> methods.</summary>
    private const int WarmUpRound = 2000;

    private const int QuietJit = 50;

    private const int WarmUpRounds = 30;

    private static readonly string[] Kinds = ["台账 (jurisdiction, page)", "台账 (jurisdiction + unit)", "status of a unit"];

    private static async Task<int> MeasureAsync(LedgerDatabase database, long items, int requests, TimeSpan limit, int clients)
    {
        string token;
        await using (var context = await database.OpenAsync())
        {
            var users = new UserService(context, TimeProvider.System, new SignInPolicy());
            var (_, problem) = await users.AddAsync(new NewUser("load", "supervisor", "load benchmark password", [], []), "bench");
            var (made, _, tokenProblem) = await users.CreateTokenAsync("load", "bench", null, "bench");
            token = made ?? throw new InvalidOperationException($"{problem} {tokenProblem}");
        }

        var targets = await TargetsAsync(database.ConnectionString);
        var port = FreePort();
        using var host = HostProcess.Start(database.ConnectionString, port);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await host.WaitReadyAsync(client);
        var postgres = new PostgresBackends(new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!);

        // Warm-up (JIT, pools, plans), not measured. The runtime promotes the host's hot methods to optimized code in the
        // background, a few hundred a second on two busy cores: with a fixed warm-up of 4 000 requests it was still
        // compiling some 190 methods a second during the measured run (8 % of the host's CPU), a cost a server running
        // for hours does not pay. So the warm-up goes on, round after round, until a round of 2 000 requests makes the
        // JIT compile fewer than 50 methods.
        var warm = await host.StatsAsync();
        for (var round = 1; round <= WarmUpRounds; round++)
        {
            await RunAsync(client, targets, clients, WarmUpRound, TimeSpan.FromSeconds(90), seed: 100 + round, kinds: Kinds);
            var now = await host.StatsAsync();
            var jitted = now.Jitted - warm.Jitted;
            warm = now;
            if (jitted < QuietJit || round == WarmUpRounds)
            {
                Console.WriteLine($"warm-up: {round} rounds of {WarmUpRound} requests (the last compiled {jitted} methods)");
                break;
            }
        }

        // Every client at once, the kinds in turn.
        var hostBefore = await host.StatsAsync();
        var pgStart = postgres.CpuTime();
        var load = LoadAverage();
        var measured = await RunAsync(client, targets, clients, requests, limit, seed: 2, kinds: Kinds);
        var hostAfter = await host.StatsAsync();
        var count = Math.Max(1, measured.Count);
        Console.WriteLine($"load: {clients} concurrent clients, {measured.Count} requests in {measured.Elapsed.TotalSeconds:0.0} s ({measured.Count / measured.Elapsed.TotalSeconds:0} requests/s), {items} items, " +
            $"load average {load} → {LoadAverage()}; a request: host CPU {(hostAfter.Cpu - hostBefore.Cpu).TotalMilliseconds / count:0.00} ms, client CPU {measured.Cpu.TotalMilliseconds / count:0.00} ms, " +
            $"PostgreSQL CPU {(postgres.CpuTime() - pgStart).TotalMilliseconds / count:0.00} ms, SQL commands {(double)(hostAfter.Commands - hostBefore.Commands) / count:0.0}; host {hostAfter.PerRequest(hostBefore, count)}");
        foreach (var kind in Kinds)
        {
            var sorted = measured.Latencies[kind].Order().ToList();
            Console.WriteLine($"  {kind,-28} n={sorted.Count,6}  p50={Percentile(sorted, 0.50),7:0.0} ms  p95={Percentile(sorted, 0.95),7:0.0} ms  p99={Percentile(sorted, 0.99),7:0.0} ms  max={(sorted.Count > 0 ? sorted[^1] : double.NaN),7:0.0} ms");
        }

        var all = measured.Latencies.Values.SelectMany(v => v).Order().ToList();
        Console.WriteLine($"  {"all",-28} n={all.Count,6}  p50={Percentile(all, 0.50),7:0.0} ms  p95={Percentile(all, 0.95),7:0.0} ms  p99={Percentile(all, 0.99),7:0.0} ms  (goal: p95 below 100 ms)");
        var failed = Report(measured);

        // Then one client, one kind at a time (the host warm by now): what one request of each kind costs the host (CPU, SQL commands) and PostgreSQL, without waiting behind others.
        Console.WriteLine($"one client ({items} items; {Environment.ProcessorCount} cores shared by the host, the clients, PostgreSQL and other work; load average {LoadAverage()}):");
        foreach (var kind in Kinds)
        {
            var before = await host.StatsAsync();
            var pgBefore = postgres.CpuTime();
            var serial = await RunAsync(client, targets, 1, Math.Min(100, requests), limit, seed: 3, kinds: [kind]);
            var after = await host.StatsAsync();
            var n = Math.Max(1, serial.Count);
            var sorted = serial.Latencies[kind].Order().ToList();
            Console.WriteLine($"  {kind,-28} n={sorted.Count,5}  p50={Percentile(sorted, 0.50),7:0.0} ms  p95={Percentile(sorted, 0.95),7:0.0} ms  p99={Percentile(sorted, 0.99),7:0.0} ms" +
                $"  host CPU {(after.Cpu - before.Cpu).TotalMilliseconds / n:0.00} ms, client CPU {serial.Cpu.TotalMilliseconds / n:0.00} ms, PostgreSQL CPU {(postgres.CpuTime() - pgBefore).TotalMilliseconds / n:0.00} ms" +
                $", SQL commands {(double)(after.Commands - before.Commands) / n:0.0}, queries compiled {after.Compiled - before.Compiled} in {n} requests; {after.PerRequest(before, n)}");
            failed += Report(serial);
        }

        return failed > 0 ? 1 : 0;
    }

    /// <summary>Failures and the responses checked; 1 when any request failed or an answer did not add up.</summary>
    private static int Report(Measured measured)
    {
        Console.WriteLine($"    checked {measured.Checked} answers (rows and totals parsed from the body)");
        if (measured.Failures.IsEmpty)
        {
            return 0;
        }

        Console.WriteLine($"    failures: {measured.Failures.Count}, first: {measured.Failures.First()}");
        return 1;
    }

    /// <summary>The 1-minute load average of the machine (other sessions share it).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed record Target(string Jurisdiction, string Unit);

    private sealed record Measured(int Count, TimeSpan Elapsed, TimeSpan Cpu, IReadOnlyDictionary<string, ConcurrentBag<double>> Latencies, ConcurrentBag<string> Failures, int Checked);

    /// <summary>Units that lead or carry out items, with their jurisdictions: what the clients ask about.</summary>
    private static async Task<IReadOnlyList<Target>> TargetsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT u.\"Jurisdiction\", u.\"Key\" FROM units u WHERE EXISTS (SELECT 1 FROM responsibilities r WHERE r.\"UnitId\" = u.\"Id\") ORDER BY md5(u.\"Key\") LIMIT 500";
        var targets = new List<Target>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            targets.Add(new Target(reader.GetString(0), reader.GetString(1)));
        }

        return targets;
    }

    private static async Task<Measured> RunAsync(HttpClient client, IReadOnlyList<Target> targets, int clients, int requests, TimeSpan limit, int seed, IReadOnlyList<string> kinds)
    {
        var latencies = kinds.ToDictionary(k => k, _ => new ConcurrentBag<double>());
        var failures = new ConcurrentBag<string>();
        var next = -1;
        var checkedAnswers = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async worker =>
        {
            var random = new Random(seed * 1000 + worker);
            while (until.Elapsed < limit)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= requests)
                {
                    return;
                }

                var t = targets[random.Next(targets.Count)];
                var kind = kinds[n % kinds.Count];
                var page = 1 + random.Next(20);
                var path = Array.IndexOf(Kinds, kind) switch
                {
                    0 => $"/api/v1/items?jurisdiction={Uri.EscapeDataString(t.Jurisdiction)}&page={page}",
                    1 => $"/api/v1/items?jurisdiction={Uri.EscapeDataString(t.Jurisdiction)}&unit={Uri.EscapeDataString(t.Unit)}",
                    _ => $"/api/v1/status?unit={Uri.EscapeDataString(t.Unit)}&pageSize=50",
                };
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(path);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{(int)response.StatusCode} {path}");
                        continue;
                    }

                    // A sample of the answers (one in ten, outside the timing) is parsed and checked: the rows a page must hold given the total.
                    if (n % 10 == 0)
                    {
                        Interlocked.Increment(ref checkedAnswers);
                        if (Check(body, kind == Kinds[0] ? page : 1) is { } wrong)
                        {
                            failures.Add($"{path}: {wrong}");
                        }
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Add($"{path}: {e.Message}");
                    continue;
                }

                latencies[kind].Add(watch.Elapsed.TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        return new Measured(latencies.Values.Sum(b => b.Count), until.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, latencies, failures, checkedAnswers);
    }

    /// <summary>What is wrong with an answer of 50-row pages: its row count against its total, a status's counts against its total; null when it adds up.</summary>
    private static string? Check(byte[] body, int page)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var root = json.RootElement;
        var total = root.GetProperty("total").GetInt32();
        var rows = root.GetProperty("items").GetArrayLength();
        var expected = Math.Clamp(total - (page - 1) * 50, 0, 50);
        if (rows != expected)
        {
            return $"{rows} rows on page {page} of a total of {total} (expected {expected})";
        }

        if (root.TryGetProperty("counts", out var counts))
        {
            var sum = counts.EnumerateObject().Sum(c => c.Value.GetInt32());
            if (sum != total)
            {
                return $"states counted {sum}, total {total}";
            }
        }

        return null;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<Dictionary<string, List<string>>> ColumnsAsync(NpgsqlConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY(@tables) ORDER BY table_name, ordinal_position";
        command.Parameters.AddWithValue("tables", Tables);
        var columns = Tables.ToDictionary(t => t, _ => new List<string>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)].Add(reader.GetString(1));
        }

        return columns;
    }

    /// <summary>(table, column) → the table it references, from the catalogue.</summary>
    private static async Task<Dictionary<(string, string), string>> ForeignKeysAsync(NpgsqlConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text
            FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
            """;
        var keys = new Dictionary<(string, string), string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys[(reader.GetString(0).Trim('"'), reader.GetString(1))] = reader.GetString(2).Trim('"');
        }

        return keys;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
