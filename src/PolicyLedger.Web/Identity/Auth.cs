using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace PolicyLedger.Web.Identity;

/// <summary>The authentication schemes: a cookie for pages, a bearer token for scripts, and the one that picks between them.</summary>
public static class AuthSchemes
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Bearer = "Bearer";
    public const string Either = "PolicyLedger";
    public const string StampClaim = "pl:stamp";
    public const string CookieName = ".PolicyLedger.Auth";

    /// <summary>The principal a sign-in cookie carries: the user's id, name and security stamp (role and units are read from the database on each request).</summary>
    public static ClaimsPrincipal Principal(UserInfo user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(StampClaim, user.SecurityStamp),
            ],
            scheme);
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>
/// The signed-in user of this request, read from the database by the authentication step (cookie or token), so
/// that a change of role, units or password counts at once on every instance.
/// </summary>
public static class CurrentUser
{
    private static readonly object Key = new();

    public static UserInfo? Of(HttpContext context) => context.Items.TryGetValue(Key, out var user) ? user as UserInfo : null;

    internal static void Set(HttpContext context, UserInfo user) => context.Items[Key] = user;
}

/// <summary>
/// Bearer tokens (<c>Authorization: Bearer plt_…</c>): the token's hash is looked up in the ledger; a revoked or
/// expired token, or one of a disabled user, fails.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var users = Context.RequestServices.GetRequiredService<UserService>();
        var user = await users.AuthenticateTokenAsync(token, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("令牌无效、已过期或已撤销");
        }

        CurrentUser.Set(Context, user);
        return AuthenticateResult.Success(new AuthenticationTicket(AuthSchemes.Principal(user, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>Checks each request's sign-in cookie against the database: the user must still exist, be enabled and have the same security stamp.</summary>
public sealed class CookieValidation : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(AuthSchemes.StampClaim);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserService>();
        var user = long.TryParse(id, out var userId) ? await users.FindAsync(userId, context.HttpContext.RequestAborted) : null;
        if (user is null || user.Disabled || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            return;
        }

        CurrentUser.Set(context.HttpContext, user);
    }

    /// <summary>An API call without a valid cookie is answered 401, a page is sent to the sign-in page.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (WebApp.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (WebApp.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return base.RedirectToAccessDenied(context);
    }
}
