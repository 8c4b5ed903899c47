using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace PolicyLedger.Tests.Formats.Producers;

/// <summary>
/// The PDF producers offices use, run for real: Chromium printing a web page (<c>chromium --headless --print-to-pdf</c>,
/// Debian package <c>chromium</c> with <c>fonts-noto-cjk</c>) and LibreOffice converting a Word file
/// (<c>soffice --headless --convert-to pdf</c>, Debian package <c>libreoffice-writer-nogui</c>). scripts/test.sh installs
/// both; where one is missing its tests are skipped saying so, except under <c>CI=true</c>, where they fail.
/// Each document is produced once per test run (results are kept by content), each run in a fresh temporary profile
/// so parallel runs do not collide.
/// </summary>
internal static class PdfProducers
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Printed = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Converted = new(StringComparer.Ordinal);
    private static readonly Lazy<string?> ChromiumPath = new(() => Which("chromium", "chromium-browser", "google-chrome"));
    private static readonly Lazy<string?> SofficePath = new(() => Which("soffice", "libreoffice"));

    /// <summary>At most this many Chromium processes at once (the machine is shared).</summary>
    private static readonly SemaphoreSlim ChromiumSlots = new(2);

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Skips the test (fails it under CI=true) when Chromium is not installed.</summary>
    public static void RequireChromium() => Require(ChromiumPath.Value, "chromium", "chromium fonts-noto-cjk");

    /// <summary>Skips the test (fails it under CI=true) when LibreOffice is not installed.</summary>
    public static void RequireLibreOffice() => Require(SofficePath.Value, "soffice (LibreOffice)", "libreoffice-writer-nogui");

    /// <summary>The page printed to PDF by Chromium, as a user prints it: default header and footer (date, title, address, page x/y).</summary>
    public static byte[] Print(string html)
    {
        RequireChromium();
        return Printed.GetOrAdd(Hash(html), _ => new Lazy<byte[]>(() => RunChromium(new UTF8Encoding(false).GetBytes(html)))).Value;
    }

    /// <summary>A web page file as it is (its own encoding) printed to PDF by Chromium.</summary>
    public static byte[] PrintFile(string path)
    {
        RequireChromium();
        var bytes = File.ReadAllBytes(path);
        return Printed.GetOrAdd("file:" + Hash(bytes), _ => new Lazy<byte[]>(() => RunChromium(bytes))).Value;
    }

    /// <summary>Several pages printed to PDF by Chromium (two processes at a time), in the order given.</summary>
    public static IReadOnlyList<byte[]> PrintAll(IReadOnlyList<string> pages)
    {
        RequireChromium();
        var results = new byte[pages.Count][];
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => results[i] = Print(pages[i]));
        return results;
    }

    /// <summary>Word files converted to PDF by LibreOffice, all in one process start (startup is slow), in the order given.</summary>
    public static IReadOnlyList<byte[]> ConvertAll(IReadOnlyList<byte[]> documents)
    {
        RequireLibreOffice();
        var keys = documents.Select(Hash).ToList();
        var missing = keys.Select((k, i) => (Key: k, Index: i)).Where(x => !Converted.ContainsKey(x.Key)).GroupBy(x => x.Key).Select(g => g.First()).ToList();
        if (missing.Count > 0)
        {
            var batch = new Lazy<IReadOnlyList<byte[]>>(() => RunLibreOffice(missing.Select(m => documents[m.Index]).ToList()));
            for (var j = 0; j < missing.Count; j++)
            {
                var index = j;
                Converted.TryAdd(missing[j].Key, new Lazy<byte[]>(() => batch.Value[index]));
            }
        }

        return keys.Select(k => Converted[k].Value).ToList();
    }

    /// <summary>One Word file converted to PDF by LibreOffice.</summary>
    public static byte[] Convert(byte[] docx) => ConvertAll([docx])[0];

    private static byte[] RunChromium(byte[] html)
    {
        using var folder = new TemporaryFolder();
        var page = Path.Combine(folder.Path, "document.html");
        var pdf = Path.Combine(folder.Path, "document.pdf");
        File.WriteAllBytes(page, html);
        ChromiumSlots.Wait();
        try
        {
            Run(ChromiumPath.Value!, [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                $"--user-data-dir={Path.Combine(folder.Path, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
            ], folder.Path);
        }
        finally
        {
            ChromiumSlots.Release();
        }

        return File.Exists(pdf) ? File.ReadAllBytes(pdf) : throw new InvalidOperationException($"chromium wrote no PDF for {page}");
    }

    private static IReadOnlyList<byte[]> RunLibreOffice(IReadOnlyList<byte[]> documents)
    {
        using var folder = new TemporaryFolder();
        var inputs = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            var input = Path.Combine(folder.Path, $"document{i:D3}.docx");
            File.WriteAllBytes(input, documents[i]);
            inputs.Add(input);
        }

        var output = Path.Combine(folder.Path, "out");
        Run(SofficePath.Value!, [
            $"-env:UserInstallation={new Uri(Path.Combine(folder.Path, "profile")).AbsoluteUri}",
            "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", output, .. inputs,
        ], folder.Path);
        return inputs.Select(i =>
        {
            var pdf = Path.Combine(output, Path.GetFileNameWithoutExtension(i) + ".pdf");
            return File.Exists(pdf) ? File.ReadAllBytes(pdf) : throw new InvalidOperationException($"LibreOffice wrote no PDF for {Path.GetFileName(i)}");
        }).ToList();
    }

    private static void Run(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = workingDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {Timeout.TotalMinutes} minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {output.Result}\n{error.Result}");
        }
    }

    private static void Require(string? path, string what, string packages)
    {
        if (path is not null)
        {
            return;
        }

        var why = $"{what} is not installed (Debian packages: {packages}; scripts/test.sh installs them when run as root)";
        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"in CI the PDF producer tests must run: {why}");
        Skip.If(true, $"SKIPPED: {why}");
    }

    private static string? Which(params string[] names) =>
        names.SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, n)))
            .FirstOrDefault(File.Exists);

    private static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] bytes) => System.Convert.ToHexString(SHA256.HashData(bytes));

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("policyledger-pdf-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A producer's helper process may still hold a file for a moment; the folder is in the temp directory.
            }
        }
    }
}
