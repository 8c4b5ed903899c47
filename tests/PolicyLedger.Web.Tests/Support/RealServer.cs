using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PolicyLedger.Web.Tests.Support;

/// <summary>The real `policyledger` program as a separate process: a command that ends, or `serve` on a free port on 127.0.0.1 (stopped by its own process id).</summary>
public sealed class RealServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private RealServer(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    public static ProcessStartInfo Command(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policyledger.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("POLICYLEDGER_DB");
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>Runs a command to its end: exit code, standard output, standard error.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string? input, params string[] args)
    {
        using var process = Process.Start(Command(args))!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"policyledger {string.Join(' ', args)} did not end within 3 minutes");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Starts `policyledger serve --db DB --urls http://127.0.0.1:PORT` and waits until /healthz answers 200.</summary>
    public static async Task<RealServer> StartAsync(string db)
    {
        var port = FreePort();
        var process = Process.Start(Command("--db", db, "serve", "--urls", $"http://127.0.0.1:{port}"))!;
        var server = new RealServer(process, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {process.ExitCode}:\n{server.Log}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(server.Address, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(250);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"serve did not answer /healthz within 2 minutes:\n{server.Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
