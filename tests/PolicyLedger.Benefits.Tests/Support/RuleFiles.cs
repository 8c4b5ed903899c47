using PolicyLedger.Benefits.Rules;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Benefits.Tests.Support;

/// <summary>The rules shipped with the program (the repository's rules/ folder), loaded once.</summary>
public static class RuleFiles
{
    private static readonly Lazy<RuleSet> Shipped = new(() => RuleSetLoader.Load(Folder()));

    public static string Folder() => Path.Combine(SharedData.RepositoryRoot, "rules");

    public static RuleSet Rules => Shipped.Value;
}
