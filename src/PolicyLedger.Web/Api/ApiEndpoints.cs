using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Api;

/// <summary>Every endpoint under /api/v1: one group with the same authentication, antiforgery and problem rules.</summary>
public static class ApiEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization()
            .DisableAntiforgery()
            .AddEndpointFilter(ApiSecurity.RequireAntiforgeryForCookies)
            .WithTags("PolicyLedger");
        api.MapGet("/me", (HttpContext http) => CurrentUser.Of(http) is { } u
                ? Results.Ok(new { name = u.Name, role = u.Role, units = u.UnitKeys, jurisdictions = u.Jurisdictions })
                : Results.Unauthorized())
            .WithSummary("当前用户：用户名、角色、绑定单位和辖区");
        DocumentsApi.Map(api);
        ItemsApi.Map(api);
        LedgerApi.Map(api);
        CompareApi.Map(api);
        BenefitsApi.Map(api);
        UsersApi.Map(api);
        return api;
    }
}
