using System.CommandLine;
using System.Globalization;
using PolicyLedger.Web;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger token create NAME [--label L] [--days N]</c> prints a new bearer token for the user NAME and nothing
/// else on standard output; <c>token list [NAME]</c>, <c>token revoke ID</c>.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var command = new Command("token", t.T("供脚本调用网页 API 的 Bearer 令牌。", "Bearer tokens for scripts that call the web API."));
        command.Subcommands.Add(CreateToken(options));
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(Revoke(options));
        return command;
    }

    private static Command CreateToken(LedgerOptions options)
    {
        var t = options.Texts;
        var name = new Argument<string>("NAME") { Description = t.T("令牌所代表的用户。", "The user the token acts as.") };
        var label = new Option<string?>("--label") { Description = t.T("令牌用途（在 token list 中显示）。", "What the token is for (shown in token list).") };
        var days = new Option<int?>("--days") { Description = t.T("有效天数（缺省为永久有效；可用 token revoke 吊销）。", "Expire after this many days (default: never; revoke with token revoke).") };
        var command = new Command("create", t.T(
            "为用户生成 Bearer 令牌并显示（只在标准输出打印令牌本身，此后不再显示）。",
            "Make a bearer token for a user and print it (only the token, on standard output; it is not shown again)."));
        command.Arguments.Add(name);
        command.Options.Add(label);
        command.Options.Add(days);
        command.SetAction((parse, ct) => UserCommand.RunAsync(options.Database(parse), Console.Error, async users =>
        {
            if (parse.GetValue(days) is <= 0)
            {
                await Console.Error.WriteLineAsync("policyledger: --days 须为正整数");
                return 2;
            }

            var expires = parse.GetValue(days) is { } d ? DateTimeOffset.UtcNow.AddDays(d) : (DateTimeOffset?)null;
            var (token, _, problem) = await users.CreateTokenAsync(parse.GetValue(name)!, parse.GetValue(label), expires, UserCommand.Actor(), ct);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"policyledger: {problem.Message}（{problem.Code}）");
                return 1;
            }

            await Console.Out.WriteLineAsync(token);
            return 0;
        }, ct));
        return command;
    }

    private static Command List(LedgerOptions options)
    {
        var t = options.Texts;
        var name = new Argument<string?>("NAME") { Description = t.T("只列此用户的令牌。", "Only this user's tokens."), Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", t.T(
            "列出令牌（编号、用户、前几个字符、用途、创建时间、到期时间、是否吊销、最近使用时间）。",
            "List tokens (id, user, first characters, label, created, expires, revoked, last used)."));
        command.Arguments.Add(name);
        command.SetAction((parse, ct) => UserCommand.RunAsync(options.Database(parse), Console.Error, async users =>
        {
            foreach (var t in await users.ListTokensAsync(parse.GetValue(name), ct))
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Id}\t{t.User}\t{t.Prefix}…\t{t.Label}\t{Time(t.CreatedAt)}\t{Time(t.ExpiresAt)}\t{(t.RevokedAt is null ? "有效" : "已撤销 " + Time(t.RevokedAt))}\t{Time(t.LastUsedAt)}"));
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Revoke(LedgerOptions options)
    {
        var t = options.Texts;
        var id = new Argument<long>("ID") { Description = t.T("令牌编号（见 token list）。", "The token's id (token list).") };
        var command = new Command("revoke", t.T("吊销令牌：此后使用该令牌的请求一律拒绝。", "Revoke a token: requests with it are refused from now on."));
        command.Arguments.Add(id);
        command.SetAction((parse, ct) => UserCommand.RunAsync(options.Database(parse), Console.Error, async users =>
        {
            var problem = await users.RevokeTokenAsync(parse.GetValue(id), UserCommand.Actor(), ct);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"policyledger: {problem.Message}（{problem.Code}）");
                return 1;
            }

            await Console.Out.WriteLineAsync($"已撤销令牌 {parse.GetValue(id)}");
            return 0;
        }, ct));
        return command;
    }

    private static string Time(DateTimeOffset? t) => t is { } v ? ChinaTime.Local(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
}
