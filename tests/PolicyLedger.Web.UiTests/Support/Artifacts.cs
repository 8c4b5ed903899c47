using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PolicyLedger.Web.UiTests.Support;

/// <summary>
/// What the browser tests leave for people to look at: a full-page screenshot of each main page, in
/// <c>$POLICYLEDGER_TEST_ARTIFACTS</c> (scripts/test.sh sets it to "screenshots" under its results folder), else in
/// "screenshots" under this test project's results folder. And the accessibility check every page must pass.
/// </summary>
public static class Artifacts
{
    public const string Variable = "POLICYLEDGER_TEST_ARTIFACTS";

    public static string Folder { get; } = Find();

    /// <summary>Saves a full-page screenshot as NAME.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Runs axe (WCAG 2.0/2.1 A and AA rules and best practices) on the page and fails on any serious or critical
    /// violation, naming the rule, the element and the help text. Returns the counts by impact for the report.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> AssertAccessibleAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var counts = result.Violations.GroupBy(v => v.Impact ?? "none").ToDictionary(g => g.Key, g => g.Sum(v => v.Nodes.Length));
        File.AppendAllText(Path.Combine(Directory.CreateDirectory(Folder).FullName, "axe.txt"),
            $"{name}: {result.Passes.Length} rules passed, violations {(counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")))}{Environment.NewLine}");
        Assert.True(bad.Count == 0, $"axe on {name} ({page.Url}):{Environment.NewLine}{Describe(bad)}");
        return counts;
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(Environment.NewLine, violations.Select(v =>
            $"- {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(5).Select(Node))}"));

    private static string Node(AxeResultNode n) =>
        $"{n.Target} {n.Html} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}";

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyLedger.Web.UiTests.csproj")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
