using PolicyLedger.Web;

// The web application on its own: dotnet run --project src/PolicyLedger.Web -- --db policyledger.db --urls http://127.0.0.1:5080
// (`policyledger serve` runs the same host).
var app = WebApp.Create(args);
await app.RunAsync();

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
