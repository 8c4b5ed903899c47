using PolicyLedger.Tests.Support;
using PolicyLedger.Web.UiTests.Support;

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

    /// <summary>The day the seed tests run on: early in 2024Q3, the 2024Q2 reports due.</summary>
    public static DateOnly Day { get; } = new(2024, 7, 3);

    /// <summary>A server on <see cref="Day"/> with seed 002 imported and the supervisor "zhang".</summary>
    public static async Task<LiveServer> KeyTasksServerAsync()
    {
        var seed = KeyTasks2024;
        var server = await LiveServer.StartAsync(Day);
        await server.ImportAsync(seed);
        await server.AddUserAsync("zhang", "supervisor");
        return server;
    }
}
