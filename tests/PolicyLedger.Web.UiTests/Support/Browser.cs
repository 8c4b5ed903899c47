using Microsoft.Playwright;

namespace PolicyLedger.Web.UiTests.Support;

/// <summary>
/// One headless chromium for the browser tests: Debian's <c>/usr/bin/chromium</c> (scripts/test.sh installs it with
/// fonts-noto-cjk), launched by Playwright without a sandbox and with a fresh temporary profile; every test opens a
/// context of its own (its own cookies). Where chromium is absent the tests skip saying so, and fail under CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Why there is no browser (null when there is one).</summary>
    public string? Missing { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            Missing = $"SKIPPED: no browser at {Chromium} (apt-get install chromium fonts-noto-cjk; scripts/test.sh installs them when run as root)";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"],
            // Date inputs take their format (年/月/日) from the browser process's locale, not from the page's language.
            Env = new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8", ["LANGUAGE"] = "zh_CN:zh" },
        });
    }

    /// <summary>The browser, or the test is skipped (failed under CI=true) with the reason.</summary>
    public IBrowser Require()
    {
        if (Browser is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"in CI the browser tests must run: {Missing}");
            Skip.If(true, Missing);
        }

        return Browser!;
    }

    /// <summary>A fresh context (no cookies) on the server, in Chinese, at a desktop size.</summary>
    public async Task<IBrowserContext> ContextAsync(LiveServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var context = await Require().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests share one chromium and run one after another (the machine is shared).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
