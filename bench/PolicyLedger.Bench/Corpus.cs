namespace PolicyLedger.Bench;

/// <summary>The texts benchmarks run on: the seeds in ../shared/seeds when present, else the bundled samples.</summary>
public static class Corpus
{
    public static IReadOnlyList<(string Name, string Text)> Load()
    {
        var root = RepositoryRoot();
        var seeds = Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds"));
        var folder = Directory.Exists(seeds) ? seeds : Path.Combine(root, "samples");
        return Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyLedger.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
