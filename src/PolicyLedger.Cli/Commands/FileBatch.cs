namespace PolicyLedger.Cli.Commands;

/// <summary>Expands the PATH arguments of a command into files: files as given, folders recursively, in a stable order.</summary>
internal static class FileBatch
{
    public sealed record Entry(string Path, string? Error);

    public static IReadOnlyList<Entry> Expand(IEnumerable<string> paths, Func<string, bool> wanted)
    {
        var entries = new List<Entry>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                entries.Add(new Entry(path, null));
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => wanted(f) && !System.IO.Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    entries.Add(new Entry(path, "the folder holds no file of a known kind"));
                }

                entries.AddRange(files.Select(f => new Entry(f, null)));
            }
            else
            {
                entries.Add(new Entry(path, "no such file or folder"));
            }
        }

        return entries;
    }
}
