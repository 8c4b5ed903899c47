namespace PolicyLedger.Web;

/// <summary>The main pages and who sees them in the navigation (the server checks every page and endpoint as well).</summary>
public static class Navigation
{
    public sealed record Link(string Path, string Title, IReadOnlyList<string> Roles);

    private static readonly string[] All = ["admin", "supervisor", "reporter", "viewer"];

    public static IReadOnlyList<Link> Links { get; } =
    [
        new("/", "总览", All),
        new("/documents", "文件", All),
        new("/ledger", "台账", All),
        new("/review", "校对", ["admin", "supervisor"]),
        new("/compare", "对比", ["admin", "supervisor", "viewer"]),
        new("/benefits", "惠企", ["admin", "supervisor", "viewer"]),
        new("/tasks", "我的任务", ["reporter"]),
        new("/bulletins", "通报", ["admin", "supervisor", "viewer"]),
        new("/audit", "审计", ["admin", "supervisor"]),
        new("/users", "用户", ["admin"]),
    ];

    public static IEnumerable<Link> For(string role) => Links.Where(l => l.Roles.Contains(role));

    public static bool IsCurrent(string path, string link) =>
        link == "/" ? path == "/" : path.StartsWith(link, StringComparison.Ordinal);

    public static string RoleName(string role) => role switch
    {
        "admin" => "管理员",
        "supervisor" => "督办人员",
        "reporter" => "填报人员",
        _ => "查看人员",
    };
}
