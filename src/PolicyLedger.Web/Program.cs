namespace PolicyLedger.Web;

/// <summary>
/// The web application on its own: <c>dotnet run --project src/PolicyLedger.Web -- --db policyledger.db --urls http://127.0.0.1:5080</c>
/// (<c>policyledger serve</c> runs the same host). Public for WebApplicationFactory in the tests.
/// </summary>
public sealed class WebProgram
{
    private WebProgram()
    {
    }

    public static async Task Main(string[] args)
    {
        var app = WebApp.Create(args);
        await app.RunAsync();
    }
}
