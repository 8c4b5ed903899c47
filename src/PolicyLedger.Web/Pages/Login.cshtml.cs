using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLedger.Web.Hosting;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Web.Pages;

/// <summary>登录: name and password; repeated failures lock the account (the message says until when).</summary>
public sealed class LoginModel(UserService users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password)
    {
        var result = await users.SignInAsync(Name, password, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Message = result.Problem!.Message;
            await DenialAudit.RecordAsync(HttpContext, result.Problem.Status, $"登录失败：{Name}：{result.Problem.Code} {result.Problem.Message}");
            Response.StatusCode = result.Problem.Status == 423 ? 423 : 200;
            return Page();
        }

        await HttpContext.SignInAsync(AuthSchemes.Cookie, AuthSchemes.Principal(result.User!, AuthSchemes.Cookie));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
