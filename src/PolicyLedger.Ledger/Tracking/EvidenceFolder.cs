namespace PolicyLedger.Ledger.Tracking;

/// <summary>An evidence file to store with a report: its name and its bytes.</summary>
public sealed record EvidenceFile(string Name, byte[] Content);

/// <summary>
/// Where the evidence files a form names may come from: the form's own folder (or an allowed root), nothing else.
/// A name is refused when it is an absolute path, when it has a ".." part, or when the file it names — after
/// following links — lies outside the folder, is not a regular file, or is larger than <see cref="MaxBytes"/>: a
/// form can only attach what its sender could have put beside it.
/// </summary>
public sealed class EvidenceFolder
{
    /// <summary>The largest evidence file accepted (50 MiB).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    private readonly string _root;

    public EvidenceFolder(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = Path.TrimEndingDirectorySeparator(Real(Path.GetFullPath(root)));
    }

    public string Root => _root;

    /// <summary>Why the named file cannot be attached, or null where it can.</summary>
    public string? Problem(string name) => Resolve(name).Problem;

    /// <summary>The file's bytes, or why it cannot be attached.</summary>
    public (EvidenceFile? File, string? Problem) Read(string name)
    {
        var (path, problem) = Resolve(name);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return (new EvidenceFile(Path.GetFileName(path!), File.ReadAllBytes(path!)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"佐证材料“{name}”无法读取：{e.Message}");
        }
    }

    private (string? Path, string? Problem) Resolve(string name)
    {
        var n = (name ?? "").Trim();
        if (n.Length == 0)
        {
            return (null, "佐证材料名称为空");
        }

        if (Path.IsPathRooted(n) || n.StartsWith('~') || n.Contains(':', StringComparison.Ordinal))
        {
            return (null, $"佐证材料“{name}”是绝对路径：只能填写与填报表同一文件夹中的文件名");
        }

        if (n.Split('/', '\\').Any(part => part == ".."))
        {
            return (null, $"佐证材料“{name}”含“..”：只能填写与填报表同一文件夹中的文件名");
        }

        var path = Path.GetFullPath(Path.Combine(_root, n));
        if (!File.Exists(path))
        {
            return (null, $"佐证材料“{name}”在 {_root} 中找不到");
        }

        var real = Real(path);
        if (!Inside(real))
        {
            return (null, $"佐证材料“{name}”是指向文件夹以外的链接：只能附上文件夹中的文件");
        }

        var info = new FileInfo(real);
        if (!info.Exists || (info.Attributes & (FileAttributes.Directory | FileAttributes.Device)) != 0)
        {
            return (null, $"佐证材料“{name}”不是普通文件");
        }

        if (info.Length > MaxBytes)
        {
            return (null, $"佐证材料“{name}”超过 {MaxBytes / 1024 / 1024} MB");
        }

        return (real, null);
    }

    private bool Inside(string path) =>
        path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link along it followed (each folder and the file itself).</summary>
    private static string Real(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            for (var hops = 0; hops < 40; hops++)
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not { } target)
                {
                    break;
                }

                current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current) ?? root, target));
            }
        }

        return current;
    }
}
