using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Api;

/// <summary>Users and their tokens (administrators only: the group requires the admin role).</summary>
public static class UsersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users", ListAsync).RequireAuthorization(WebApp.AdminPolicy).WithSummary("用户列表（管理员）");
        api.MapPost("/users", AddAsync).RequireAuthorization(WebApp.AdminPolicy).WithSummary("添加用户（管理员）：{name, role, password, units, jurisdictions}");
        api.MapPatch("/users/{name}", ChangeAsync).RequireAuthorization(WebApp.AdminPolicy).WithSummary("修改用户（管理员）：角色、单位、辖区、停用、密码");
        api.MapGet("/users/{name}/tokens", TokensAsync).RequireAuthorization(WebApp.AdminPolicy).WithSummary("用户的令牌（管理员）");
        api.MapPost("/users/{name}/tokens", CreateTokenAsync).RequireAuthorization(WebApp.AdminPolicy).WithSummary("为用户创建令牌（管理员）：令牌只显示这一次");
        api.MapDelete("/tokens/{id:long}", RevokeAsync).RequireAuthorization(WebApp.AdminPolicy).WithSummary("撤销令牌（管理员）");
    }

    private static UserDto Dto(UserInfo u) => new(u.Name, u.Role, u.UnitKeys, u.Jurisdictions, u.Disabled, u.LockedUntil is { } t ? ChinaTime.Local(t).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : null);

    private static TokenDto Dto(TokenInfo t) => new(t.Id, t.User, t.Prefix, t.Label, Time(t.CreatedAt), Time(t.ExpiresAt), Time(t.RevokedAt), Time(t.LastUsedAt));

    private static string? Time(DateTimeOffset? t) => t is { } v ? ChinaTime.Local(v).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : null;

    private static IResult Problem(UserProblem p) => ApiProblems.Problem(p.Status, p.Code, p.Message);

    private static string By(HttpContext http) => ApiContext.Actor(http).Name;

    private static async Task<IResult> ListAsync(UserService users, CancellationToken ct) => Results.Ok((await users.ListAsync(ct)).Select(Dto).ToList());

    private static async Task<IResult> AddAsync(HttpContext http, NewUserRequest? body, UserService users, CancellationToken ct)
    {
        if (body is null)
        {
            return ApiContext.Invalid("PL-Q04", "请求体须为 JSON：{\"name\",\"role\",\"password\",\"units\",\"jurisdictions\"}");
        }

        var (user, problem) = await users.AddAsync(new NewUser(body.Name ?? "", body.Role ?? "", body.Password ?? "", body.Units ?? [], body.Jurisdictions ?? []), By(http), ct);
        return problem is null ? Results.Created($"/api/v1/users/{Uri.EscapeDataString(user!.Name)}", Dto(user)) : Problem(problem);
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, string name, UserChangeRequest? body, UserService users, CancellationToken ct)
    {
        if (body is null)
        {
            return ApiContext.Invalid("PL-Q04", "请求体须为 JSON：{\"role\",\"units\",\"jurisdictions\",\"disabled\",\"password\"}");
        }

        var (user, problem) = await users.ChangeAsync(name, new UserChange(body.Role, body.Units, body.Jurisdictions, body.Disabled, body.Password), By(http), ct);
        return problem is null ? Results.Ok(Dto(user!)) : Problem(problem);
    }

    private static async Task<IResult> TokensAsync(string name, UserService users, CancellationToken ct) =>
        await users.FindAsync(name, ct) is null
            ? Problem(new UserProblem("PL-U11", 404, $"没有用户“{name}”"))
            : Results.Ok((await users.ListTokensAsync(name, ct)).Select(Dto).ToList());

    private static async Task<IResult> CreateTokenAsync(HttpContext http, string name, TokenRequest? body, UserService users, TimeProvider clock, CancellationToken ct)
    {
        if (body?.Days is <= 0)
        {
            return ApiContext.Invalid("PL-Q07", "days 须为正整数");
        }

        var expires = body?.Days is { } d ? clock.GetUtcNow().AddDays(d) : (DateTimeOffset?)null;
        var (token, info, problem) = await users.CreateTokenAsync(name, body?.Label, expires, By(http), ct);
        return problem is null ? Results.Created($"/api/v1/users/{Uri.EscapeDataString(name)}/tokens", new NewTokenDto(token!, Dto(info!))) : Problem(problem);
    }

    private static async Task<IResult> RevokeAsync(HttpContext http, long id, UserService users, CancellationToken ct) =>
        await users.RevokeTokenAsync(id, By(http), ct) is { } problem ? Problem(problem) : Results.NoContent();
}
