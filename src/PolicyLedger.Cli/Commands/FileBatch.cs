namespace PolicyLedger.Cli.Commands;

/// <summary>
/// Expands the PATH arguments of a command into files: files as given, folders recursively, in a stable order.
/// A folder walk never leaves the folder and never goes round in circles: links to folders are not followed (the
/// folder they point to is walked as itself when it lies inside), links to files outside the folder are not read,
/// and a file reached twice (by a link, or by two arguments) is read once. Each skip is said, with its reason.
/// </summary>
internal static class FileBatch
{
    /// <param name="Error">Why the path cannot be read at all (a failure).</param>
    /// <param name="Skipped">Why the path is left out on purpose (not a failure).</param>
    public sealed record Entry(string Path, string? Error, string? Skipped = null);

    public static IReadOnlyList<Entry> Expand(IEnumerable<string> paths, Func<string, bool> wanted)
    {
        var entries = new List<Entry>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal); // real path → the path it was first taken as
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                // A file named on the command line is read as given, a link too: the user named it.
                entries.Add(Take(path, RealPath(path), seen));
            }
            else if (Directory.Exists(path))
            {
                var before = entries.Count;
                Walk(path, wanted, entries, seen);
                if (!entries.Skip(before).Any(e => e.Error is null && e.Skipped is null))
                {
                    entries.Add(new Entry(path, "文件夹中没有可读的文件（.txt .docx .pdf .html）"));
                }
            }
            else
            {
                entries.Add(new Entry(path, new FileInfo(path).LinkTarget is { } target ? $"链接指向的 {target} 不存在" : "没有这个文件或文件夹"));
            }
        }

        return entries;
    }

    private static Entry Take(string path, string real, Dictionary<string, string> seen) =>
        seen.TryAdd(real, path) ? new Entry(path, null) : new Entry(path, null, $"与 {seen[real]} 是同一个文件，只读一次");

    private static void Walk(string root, Func<string, bool> wanted, List<Entry> entries, Dictionary<string, string> seen)
    {
        var realRoot = RealPath(root);
        var files = new List<(string Path, string Real)>();
        var links = new List<(string Path, FileSystemInfo Info)>();
        var skipped = new List<Entry>();
        var folders = new Stack<string>();
        folders.Push(root);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            List<FileSystemInfo> children;
            try
            {
                children = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options).ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                skipped.Add(new Entry(folder, null, $"无法读取该文件夹：{e.Message}"));
                continue;
            }

            foreach (var child in children)
            {
                var path = Path.Combine(folder, child.Name);
                if (child.LinkTarget is not null)
                {
                    links.Add((path, child));
                }
                else if (child is DirectoryInfo)
                {
                    folders.Push(path);
                }
                else if (wanted(path) && !child.Name.StartsWith('.'))
                {
                    // Walked folders are never links, so the real path is the root's plus the same relative path.
                    files.Add((path, Path.Join(realRoot, Path.GetRelativePath(root, path))));
                }
            }
        }

        // Real files first, so a link to a file of the tree is the duplicate, not the file itself.
        var taken = new List<Entry>();
        foreach (var (path, real) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            taken.Add(Take(path, real, seen));
        }

        foreach (var (path, link) in links.OrderBy(l => l.Path, StringComparer.Ordinal))
        {
            FileSystemInfo? target;
            try
            {
                target = link.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException e)
            {
                skipped.Add(new Entry(path, null, $"链接无法解析（{e.Message}）"));
                continue;
            }

            if (target is null || !target.Exists)
            {
                if (wanted(path))
                {
                    skipped.Add(new Entry(path, null, "链接指向的目标不存在"));
                }

                continue;
            }

            var isFolder = Directory.Exists(target.FullName);
            if (!isFolder && !wanted(path))
            {
                continue; // not a document by its name, as any other file
            }

            var real = RealPath(target.FullName);
            if (!IsInside(real, realRoot))
            {
                skipped.Add(new Entry(path, null, $"链接指向所给文件夹之外（{real}），不读"));
            }
            else if (isFolder)
            {
                skipped.Add(new Entry(path, null, "链接指向文件夹，不跟随（文件夹内的文件按其本身的位置读取，避免循环和重复）"));
            }
            else
            {
                taken.Add(Take(path, real, seen));
            }
        }

        entries.AddRange(taken.OrderBy(e => e.Path, StringComparer.Ordinal));
        entries.AddRange(skipped.OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    private static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link in it resolved (what realpath(3) gives), without touching the file's content.</summary>
    internal static string RealPath(string path)
    {
        var hops = 0;
        return Resolve(Path.GetFullPath(path), ref hops);
    }

    private static string Resolve(string full, ref int hops)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var result = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(result, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++hops > 40)
                {
                    throw new IOException($"{next}: too many levels of links");
                }

                next = Resolve(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Join(result, target)), ref hops);
            }

            result = next;
        }

        return result;
    }
}
