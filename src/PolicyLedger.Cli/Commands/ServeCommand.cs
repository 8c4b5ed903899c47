using System.CommandLine;
using Microsoft.Extensions.Hosting;
using PolicyLedger.Web;

namespace PolicyLedger.Cli.Commands;

/// <summary><c>policyledger serve [--urls http://127.0.0.1:5080]</c>: the web application on the ledger of --db / POLICYLEDGER_DB.</summary>
internal static class ServeCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var urls = new Option<string?>("--urls")
        {
            Description = t.T(
                $"监听地址（缺省为 {WebApp.DefaultUrls}；多个地址用 ';' 分隔）。",
                $"Where to listen (default {WebApp.DefaultUrls}; several separated by ';')."),
        };
        var command = new Command("serve", t.T(
            "在此台账上运行网页应用（页面，以及 /api/v1 下的 REST API）。台账尚无用户时，自动添加管理员 admin 并只显示一次其密码（也可先用 `user add NAME --role admin --password-stdin` 添加用户）。",
            "Serve the web application (pages and REST API under /api/v1) on the ledger. On a ledger without users it adds the administrator admin and prints its password once (or add users first with `user add NAME --role admin --password-stdin`)."));
        command.Options.Add(urls);
        command.SetAction(async (parse, ct) =>
        {
            var database = options.Database(parse);
            var given = parse.GetValue(urls);

            // A ledger without users gets its first administrator, so that starting the application is one command.
            var first = await UserCommand.RunAsync(database, Console.Error, async users =>
            {
                if (await users.AddFirstAdministratorAsync(UserCommand.Actor(), ct) is { } password)
                {
                    await Console.Out.WriteLineAsync(
                        $"账本中还没有用户：已添加管理员 {PolicyLedger.Web.Identity.UserService.FirstAdministrator}，初始密码 {password}" +
                        "（只显示这一次；登录后可在“用户”页添加用户，用 user passwd 修改密码）");
                }

                return 0;
            }, ct);
            if (first != 0)
            {
                return first;
            }

            var app = WebApp.Create(string.IsNullOrWhiteSpace(given) ? [] : ["--urls", given], database);
            try
            {
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                await Console.Error.WriteLineAsync($"policyledger: 无法启动网页服务（{database.Display}）：{e.GetBaseException().Message}");
                return 2;
            }
            finally
            {
                await app.DisposeAsync();
            }
        });
        return command;
    }
}
