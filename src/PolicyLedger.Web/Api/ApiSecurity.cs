using Microsoft.AspNetCore.Antiforgery;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Api;

/// <summary>
/// Cross-site request forgery on the API: a request that changes something and is signed in by the cookie (a page's
/// script) must carry the antiforgery token in the <see cref="AntiforgeryHeader"/> header; scripts with a bearer
/// token are not at risk (a browser never adds the header by itself) and need none.
/// </summary>
public static class ApiSecurity
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static async ValueTask<object?> RequireAntiforgeryForCookies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie })
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return ApiProblems.Problem(400, "PL-W01", $"缺少或无效的防伪令牌：用登录 Cookie 调用 API 修改数据时，须在 {AntiforgeryHeader} 头中带上页面的防伪令牌");
            }
        }

        return await next(context);
    }
}
