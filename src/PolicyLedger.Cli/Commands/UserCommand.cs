using System.CommandLine;
using System.Globalization;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Web;
using PolicyLedger.Web.Identity;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// <c>policyledger user add NAME --role admin|supervisor|reporter|viewer [--unit UNIT]... [--jurisdiction J]... --password-stdin</c>,
/// <c>user list</c>, <c>user passwd NAME --password-stdin</c> (also unlocks), <c>user disable|enable NAME</c>: the web application's users.
/// </summary>
internal static class UserCommand
{
    public static Command Create(LedgerOptions options)
    {
        var t = options.Texts;
        var command = new Command("user", t.T("网页应用的用户：添加、列出、设置密码、停用或启用。", "Users of the web application: add, list, set a password, disable or enable."));
        command.Subcommands.Add(Add(options));
        command.Subcommands.Add(List(options));
        command.Subcommands.Add(Passwd(options));
        command.Subcommands.Add(Enable(options, "disable", true));
        command.Subcommands.Add(Enable(options, "enable", false));
        return command;
    }

    private static Command Add(LedgerOptions options)
    {
        var t = options.Texts;
        var name = new Argument<string>("NAME") { Description = t.T("登录名。", "The sign-in name.") };
        var role = new Option<string>("--role")
        {
            Description = t.T(
                "admin（管理员）、supervisor（督办人员）、reporter（报送人员）或 viewer（查看人员）。",
                "admin, supervisor, reporter or viewer."),
            Required = true,
        };
        role.AcceptOnlyFromAmong("admin", "supervisor", "reporter", "viewer");
        var unit = new Option<string[]>("--unit")
        {
            Description = t.T(
                "报送人员所代表报送的单位（写单位编号或名称；多个单位重复给出）。",
                "A unit the reporter reports for (unit key or name; repeat for several)."),
            AllowMultipleArgumentsPerToken = false,
        };
        var jurisdiction = new Option<string[]>("--jurisdiction")
        {
            Description = t.T(
                "督办人员或查看人员可见的辖区（多个辖区重复给出；不给则为全部）。",
                "A jurisdiction a supervisor or viewer sees (repeat for several; none: all)."),
        };
        var stdin = new Option<bool>("--password-stdin") { Description = t.T("从标准输入的第一行读取密码。", "Read the password from the first line of standard input."), Required = true };
        var command = new Command("add", t.T("添加用户；密码从标准输入读取。", "Add a user; the password is read from standard input."));
        command.Arguments.Add(name);
        foreach (var o in new Option[] { role, unit, jurisdiction, stdin })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) => RunAsync(options.Database(parse), Console.Error, async users =>
        {
            var password = await ReadPasswordAsync(Console.In);
            var (user, problem) = await users.AddAsync(new NewUser(parse.GetValue(name)!, parse.GetValue(role)!, password ?? "", parse.GetValue(unit) ?? [], parse.GetValue(jurisdiction) ?? []), Actor(), ct);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"policyledger: {problem.Message}（{problem.Code}）");
                return 1;
            }

            await Console.Out.WriteLineAsync($"已添加用户 {user!.Name}（{Navigation.RoleName(user.Role)}）{Scope(user)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command List(LedgerOptions options)
    {
        var t = options.Texts;
        var command = new Command("list", t.T("列出用户及其角色、单位、辖区和状态。", "List the users with role, units, jurisdictions and state."));
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), Console.Error, async users =>
        {
            foreach (var u in await users.ListAsync(ct))
            {
                var state = u.Disabled ? "已停用" : u.LockedUntil is { } until && until > DateTimeOffset.UtcNow ? $"锁定至 {ChinaTime.Local(until):yyyy-MM-dd HH:mm}" : "正常";
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{u.Name}\t{u.Role}\t{string.Join("、", u.UnitKeys)}\t{string.Join("、", u.Jurisdictions)}\t{state}"));
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Passwd(LedgerOptions options)
    {
        var t = options.Texts;
        var name = new Argument<string>("NAME") { Description = t.T("用户的登录名。", "The user's sign-in name.") };
        var stdin = new Option<bool>("--password-stdin") { Description = t.T("从标准输入的第一行读取新密码。", "Read the new password from the first line of standard input."), Required = true };
        var command = new Command("passwd", t.T("设置用户密码（同时解除锁定；该用户在别处的登录随即失效）。", "Set a user's password (also lifts a lockout; the user's sign-ins elsewhere end)."));
        command.Arguments.Add(name);
        command.Options.Add(stdin);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), Console.Error, async users =>
        {
            var (_, problem) = await users.ChangeAsync(parse.GetValue(name)!, new UserChange(Password: await ReadPasswordAsync(Console.In) ?? ""), Actor(), ct);
            return await Report(problem, $"已设置 {parse.GetValue(name)} 的密码");
        }, ct));
        return command;
    }

    private static Command Enable(LedgerOptions options, string verb, bool disabled)
    {
        var t = options.Texts;
        var name = new Argument<string>("NAME") { Description = t.T("用户的登录名。", "The user's sign-in name.") };
        var command = new Command(verb, disabled ? t.T("停用用户：不能登录，令牌也不能用。", "Disable a user: no sign-in, no token.") : t.T("启用已停用的用户。", "Enable a disabled user."));
        command.Arguments.Add(name);
        command.SetAction((parse, ct) => RunAsync(options.Database(parse), Console.Error, async users =>
        {
            var (_, problem) = await users.ChangeAsync(parse.GetValue(name)!, new UserChange(Disabled: disabled), Actor(), ct);
            return await Report(problem, $"已{(disabled ? "停用" : "启用")} {parse.GetValue(name)}");
        }, ct));
        return command;
    }

    private static async Task<int> Report(UserProblem? problem, string done)
    {
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync($"policyledger: {problem.Message}（{problem.Code}）");
            return 1;
        }

        await Console.Out.WriteLineAsync(done);
        return 0;
    }

    /// <summary>The first line of standard input (without its line end); null when there is none.</summary>
    public static async Task<string?> ReadPasswordAsync(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var line = await input.ReadLineAsync();
        return line?.TrimEnd('\r');
    }

    private static string Scope(UserInfo user) =>
        user.UnitKeys.Count > 0 ? $"，单位：{string.Join("、", user.UnitKeys)}"
        : user.Jurisdictions.Count > 0 ? $"，辖区：{string.Join("、", user.Jurisdictions)}" : "";

    /// <summary>Who the CLI acts as in the audit log: POLICYLEDGER_USER or the operating-system user.</summary>
    public static string Actor() => LedgerContext.DefaultActor();

    /// <summary>Opens the ledger (migrating it), gives the command a user service, and turns a database failure into one message.</summary>
    public static async Task<int> RunAsync(LedgerDatabase database, TextWriter errors, Func<UserService, Task<int>> run, CancellationToken ct)
    {
        try
        {
            await using var db = await database.OpenAsync(ct);
            return await run(new UserService(db, TimeProvider.System, new SignInPolicy()));
        }
        catch (Exception e) when (LedgerAccess.IsLedgerFailure(e))
        {
            await errors.WriteLineAsync(TrackingAccess.DatabaseFailure(database, e, Output.Terminal.WantsEnglish(null)));
            return 2;
        }
    }
}
