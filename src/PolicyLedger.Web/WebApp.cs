using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using PolicyLedger.Benefits.Rules;
using PolicyLedger.Ledger.Import;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Web.Api;
using PolicyLedger.Web.Benefits;
using PolicyLedger.Web.Hosting;
using PolicyLedger.Web.Identity;
using Scalar.AspNetCore;

namespace PolicyLedger.Web;

/// <summary>
/// The web host: Razor Pages for people (cookie sign-in, antiforgery), REST under /api/v1 for scripts (bearer
/// tokens), on the ledger given by <c>--db</c> / <c>POLICYLEDGER_DB</c>. No state lives only in one process: users,
/// lockouts, tokens, data protection keys and the ledger are in the database, so several instances can stand
/// behind a proxy on one PostgreSQL.
/// </summary>
public static class WebApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public const string AdminPolicy = "admin";

    /// <summary>Whether a request is for the API (answered with status codes and problem details, never redirected).</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>Builds the host. <paramref name="database"/> overrides the <c>db</c> setting (--db, else POLICYLEDGER_DB, else ./policyledger.db).</summary>
    public static WebApplication Create(string[] args, LedgerDatabase? database = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        AddServices(builder, database);
        configure?.Invoke(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder, LedgerDatabase? database)
    {
        var services = builder.Services;
        var limits = builder.Configuration.GetSection("Upload").Get<UploadLimits>() ?? new UploadLimits();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Upload").Get<UploadLimits>() ?? new UploadLimits());
        services.AddSingleton(builder.Configuration.GetSection("SignIn").Get<SignInPolicy>() ?? new SignInPolicy());
        // The one composition of the application services the CLI uses too. A test host registers its own database and clock after it.
        services.AddPolicyLedger(database ?? LedgerDatabase.Parse(builder.Configuration["db"]), TimeProvider.System);
        services.AddSingleton(Readers.Create());
        services.AddSingleton<IUnitResolution>(ResolverUnitResolution.FromFile(builder.Configuration["aliases"] is { Length: > 0 } aliases ? aliases : null));
        services.AddScoped<DocumentImportService>();
        services.AddScoped<UserService>();
        // The benefit finder's rules are loaded once (immutable); the ledger's texts are read per request.
        services.AddSingleton(new BenefitRules(RuleSetLoader.Folder(builder.Configuration["Benefits:Rules"])));
        services.AddScoped<BenefitFinder>();
        services.AddHostedService<LedgerStartup>();

        services.AddDataProtection().SetApplicationName("PolicyLedger");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new LedgerKeyRepository(sp.GetRequiredService<LedgerDatabase>())));

        services.AddAuthentication(AuthSchemes.Either)
            .AddPolicyScheme(AuthSchemes.Either, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = c => c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.Bearer : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.EventsType = typeof(CookieValidation);
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null);
        services.AddScoped<CookieValidation>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole("admin"));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".PolicyLedger.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = ApiSecurity.AntiforgeryHeader;
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Login");
                o.Conventions.AllowAnonymousToPage("/Denied");
                o.Conventions.AuthorizePage("/Users/Index", AdminPolicy);
            })
            .AddApplicationPart(typeof(WebApp).Assembly);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Customize);
        // Chinese text is written as it is (not as &#x...; entities); < > & " ' are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PolicyLedger API";
            document.Info.Description = "政策台账 REST API：文件、事项、单位、进展报送、状态、通报、对比、惠企测算、审计、用户。脚本用 Authorization: Bearer 令牌（policyledger token create）。";
            return Task.CompletedTask;
        }));

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limits.MaxRequestBytes;
            o.ValueCountLimit = 1024;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebApp).Assembly, "PolicyLedger.Web.Assets"),
            RequestPath = "/assets",
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseDenialAudit();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthApi();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("PolicyLedger API")).AllowAnonymous();
        app.MapRazorPages();

        // The comparison's side-by-side view keeps its own style sheet (ComparisonHtml.Css); served as a file so the CSP holds.
        app.MapGet("/assets/compare.css", () => Results.Text(PolicyLedger.Comparison.Rendering.ComparisonHtml.Css, "text/css; charset=utf-8"));
        ApiEndpoints.Map(app);
    }
}
