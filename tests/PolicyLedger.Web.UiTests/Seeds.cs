using PolicyLedger.Tests.Support;

namespace PolicyLedger.Web.UiTests;

/// <summary>The seed documents the browser tests use (../shared/seeds; the tests skip saying so where it is absent).</summary>
public static class Seeds
{
    /// <summary>Seed 002: a city's 2024 key tasks with their responsible units, reported quarterly (154 items).</summary>
    public static string KeyTasks2024
    {
        get
        {
            SharedData.Require();
            return SharedData.Path("seeds", "002_1db4aff5efda3015.txt");
        }
    }

    public const int KeyTasks2024Items = 154;
}
