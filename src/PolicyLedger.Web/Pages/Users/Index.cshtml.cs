using Microsoft.AspNetCore.Mvc;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Pages.Users;

/// <summary>用户 (administrators; the host refuses everyone else): the users, adding one, changing role, units and jurisdictions, disabling, a new password.</summary>
public sealed class IndexModel(UserService users, DocumentService documents) : LedgerPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Units, one per line or separated by 、 , ; (keys or names).</summary>
    [BindProperty]
    public string? UnitList { get; set; }

    [BindProperty]
    public string? JurisdictionList { get; set; }

    public IReadOnlyList<UserInfo> Users { get; private set; } = [];

    public IReadOnlyList<TrackedUnit> Units { get; private set; } = [];

    /// <summary>What the last action did, for the notice.</summary>
    public string? Done { get; private set; }

    /// <summary>The host's clock (whether a lockout still holds).</summary>
    public DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    public static IReadOnlyList<string> Roles { get; } = ["admin", "supervisor", "reporter", "viewer"];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var (user, problem) = await users.AddAsync(new NewUser(Name ?? "", Role ?? "", Password ?? "", Split(UnitList), Split(JurisdictionList)), Actor.Name, HttpContext.RequestAborted);
        if (problem is not null)
        {
            Errors.Add(problem.Message);
            Response.StatusCode = problem.Status;
        }
        else
        {
            Done = $"已添加用户 {user!.Name}（{Navigation.RoleName(user.Role)}）";
            Name = Password = UnitList = JurisdictionList = null;
        }

        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostChangeAsync(string user, string? role, string? units, string? jurisdictions, bool? disabled)
    {
        var change = new UserChange(
            string.IsNullOrWhiteSpace(role) ? null : role,
            units is null ? null : Split(units),
            jurisdictions is null ? null : Split(jurisdictions),
            disabled);
        return await ChangeAsync(user, change, disabled switch { true => "已停用", false => "已启用", _ => "已修改" });
    }

    public async Task<IActionResult> OnPostPasswordAsync(string user, string? password) =>
        await ChangeAsync(user, new UserChange(Password: password ?? ""), "已重设密码（并解除锁定）");

    private async Task<IActionResult> ChangeAsync(string user, UserChange change, string what)
    {
        var (changed, problem) = await users.ChangeAsync(user, change, Actor.Name, HttpContext.RequestAborted);
        if (problem is not null)
        {
            Errors.Add($"{user}：{problem.Message}");
            Response.StatusCode = problem.Status;
        }
        else
        {
            Done = $"{changed!.Name}：{what}";
        }

        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        Users = await users.ListAsync(HttpContext.RequestAborted);
        var units = await documents.UnitsAsync(Actor, HttpContext.RequestAborted);
        Units = units.Ok ? units.Value : [];
        return Page();
    }

    private static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
