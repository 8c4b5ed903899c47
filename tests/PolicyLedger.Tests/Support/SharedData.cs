namespace PolicyLedger.Tests.Support;

/// <summary>
/// Finds ../shared (seeds, gold, peer specs) beside the repository. Tests that need it call
/// <see cref="Require"/>, which skips them with a clear reason where it is absent; CI has it.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? Directory => Root.Value;

    public static bool Available => Root.Value is not null;

    /// <summary>The repository root (the folder holding PolicyLedger.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root.Value ?? throw new InvalidOperationException(SkipReason), .. parts]);

    public const string SkipReason = "SKIPPED: ../shared (seeds, gold, peer specs) is not beside this clone; set POLICYLEDGER_SHARED to its path";

    /// <summary>Skips the calling test, saying why, when ../shared is absent.</summary>
    public static void Require() => Skip.IfNot(Available, SkipReason);

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("POLICYLEDGER_SHARED");
        if (!string.IsNullOrEmpty(configured) && System.IO.Directory.Exists(configured))
        {
            return configured;
        }

        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));
        return System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "seeds")) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PolicyLedger.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (PolicyLedger.slnx) above " + AppContext.BaseDirectory);
    }
}
