using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Users;

namespace PolicyLedger.Web.Identity;

/// <summary>A user as the host sees them: who, role, units and jurisdictions, and the stamp sign-ins are checked against.</summary>
public sealed record UserInfo(
    long Id,
    string Name,
    string Role,
    IReadOnlyList<string> UnitKeys,
    IReadOnlyList<string> Jurisdictions,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    string SecurityStamp)
{
    /// <summary>The person the application services act for.</summary>
    public Actor ToActor() => new(Name, Actor.ParseRole(Role) ?? ActorRole.Viewer, UnitKeys, Jurisdictions);
}

/// <summary>What `user add` and the users API create.</summary>
public sealed record NewUser(string Name, string Role, string Password, IReadOnlyList<string> Units, IReadOnlyList<string> Jurisdictions);

/// <summary>A change to a user (null: leave as it is).</summary>
public sealed record UserChange(string? Role = null, IReadOnlyList<string>? Units = null, IReadOnlyList<string>? Jurisdictions = null, bool? Disabled = null, string? Password = null);

/// <summary>A bearer token as listed (never the token itself, which is shown once when it is made).</summary>
public sealed record TokenInfo(long Id, string User, string Prefix, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>How a sign-in went: the user, or why not (and until when the account is locked).</summary>
public sealed record SignInResult(UserInfo? User, UserProblem? Problem, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => User is not null;
}

/// <summary>An expected failure of the user service: a stable code, the HTTP status it means, the message in Chinese.</summary>
public sealed record UserProblem(string Code, int Status, string Message)
{
    public override string ToString() => $"{Code} {Message}";
}

/// <summary>The sign-in rules: how many failures in a row lock an account, and for how long.</summary>
public sealed class SignInPolicy
{
    public int MaxFailures { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int MinPasswordLength { get; set; } = 8;
}

/// <summary>
/// Users, passwords, lockout and bearer tokens, stored in the ledger database (so every instance of the web host
/// agrees). Passwords are hashed by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>; tokens are random
/// 256-bit strings of which only the SHA-256 is kept. Changes are saved in the name of <c>by</c> and audited.
/// </summary>
public sealed class UserService(LedgerContext db, TimeProvider clock, SignInPolicy policy)
{
    public const string TokenPrefix = "plt_";

    private static readonly PasswordHasher<LedgerUser> Hasher = new();

    private static readonly string[] Roles = ["admin", "supervisor", "reporter", "viewer"];

    /// <summary>admin, supervisor, reporter, viewer (or 管理员, 督办, 填报, 查看), normalized; null when it is none of them.</summary>
    public static string? ParseRole(string? text) => Actor.ParseRole(text)?.ToString().ToLowerInvariant();

    public async Task<(UserInfo? User, UserProblem? Problem)> AddAsync(NewUser user, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = (user.Name ?? "").Trim();
        if (NameProblem(name) is { } bad)
        {
            return (null, bad);
        }

        if (await db.Users.AnyAsync(u => u.Name == name, ct))
        {
            return (null, new UserProblem("PL-U02", 409, $"用户“{name}”已存在"));
        }

        var role = ParseRole(user.Role);
        if (role is null)
        {
            return (null, RoleProblem(user.Role));
        }

        if (PasswordProblem(user.Password) is { } weak)
        {
            return (null, weak);
        }

        var (units, jurisdictions, scopeProblem) = await ScopeAsync(role, user.Units, user.Jurisdictions, ct);
        if (scopeProblem is not null)
        {
            return (null, scopeProblem);
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var row = new LedgerUser
        {
            Name = name,
            Role = role,
            PasswordHash = "",
            SecurityStamp = NewStamp(),
            CreatedAt = now,
            UpdatedAt = now,
            Units = units.Select(k => new LedgerUserUnit { UnitKey = k }).ToList(),
            Jurisdictions = jurisdictions.Select(j => new LedgerUserJurisdiction { Jurisdiction = j }).ToList(),
        };
        row.PasswordHash = Hasher.HashPassword(row, user.Password);
        db.AuditActor = by;
        db.Users.Add(row);
        await db.SaveChangesAsync(ct);
        return (Info(row), null);
    }

    /// <summary>
    /// On a ledger without any user, adds the administrator <c>admin</c> with a new random password and gives that
    /// password (for the person starting the server to read once); null when the ledger has users already — also
    /// when another instance added the first one at the same moment.
    /// </summary>
    public async Task<string?> AddFirstAdministratorAsync(string by, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }

        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var password = RandomNumberGenerator.GetString(alphabet, 20);
        try
        {
            var (_, problem) = await AddAsync(new NewUser(FirstAdministrator, "admin", password, [], []), by, ct);
            return problem is null ? password : null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Users.AsNoTracking().AnyAsync(u => u.Name == FirstAdministrator, ct))
            {
                return null; // another instance added it first
            }

            throw;
        }
    }

    /// <summary>The name of the administrator a first start adds.</summary>
    public const string FirstAdministrator = "admin";

    public async Task<(UserInfo? User, UserProblem? Problem)> ChangeAsync(string name, UserChange change, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = await LoadAsync(name, tracking: true, ct);
        if (row is null)
        {
            return (null, NotFound(name));
        }

        var role = change.Role is null ? row.Role : ParseRole(change.Role);
        if (role is null)
        {
            return (null, RoleProblem(change.Role));
        }

        if (change.Password is not null && PasswordProblem(change.Password) is { } weak)
        {
            return (null, weak);
        }

        var (units, jurisdictions, scopeProblem) = await ScopeAsync(
            role,
            change.Units ?? row.Units.Select(u => u.UnitKey).ToList(),
            change.Jurisdictions ?? row.Jurisdictions.Select(j => j.Jurisdiction).ToList(),
            ct);
        if (scopeProblem is not null)
        {
            return (null, scopeProblem);
        }

        db.AuditActor = by;
        row.Role = role;
        db.UserUnits.RemoveRange(row.Units.Where(u => !units.Contains(u.UnitKey, StringComparer.Ordinal)));
        foreach (var key in units.Where(k => !row.Units.Any(u => u.UnitKey == k)))
        {
            row.Units.Add(new LedgerUserUnit { UnitKey = key });
        }

        db.UserJurisdictions.RemoveRange(row.Jurisdictions.Where(j => !jurisdictions.Contains(j.Jurisdiction, StringComparer.Ordinal)));
        foreach (var j in jurisdictions.Where(j => !row.Jurisdictions.Any(x => x.Jurisdiction == j)))
        {
            row.Jurisdictions.Add(new LedgerUserJurisdiction { Jurisdiction = j });
        }

        if (change.Disabled is { } disabled)
        {
            row.Disabled = disabled;
        }

        if (change.Password is not null)
        {
            row.PasswordHash = Hasher.HashPassword(row, change.Password);
            row.FailedSignIns = 0;
            row.LockedUntil = null;
        }

        if (db.ChangeTracker.HasChanges())
        {
            // Whatever a user may do or be has changed: sign-ins made before are no longer valid.
            row.SecurityStamp = NewStamp();
            row.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
            await db.SaveChangesAsync(ct);
        }

        return (Info(row), null);
    }

    public async Task<IReadOnlyList<UserInfo>> ListAsync(CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().Include(u => u.Units).Include(u => u.Jurisdictions).OrderBy(u => u.Name).ToListAsync(ct)).Select(Info).ToList();

    public async Task<UserInfo?> FindAsync(string name, CancellationToken ct = default) =>
        await LoadAsync(name, tracking: false, ct) is { } row ? Info(row) : null;

    public async Task<UserInfo?> FindAsync(long id, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Include(u => u.Units).Include(u => u.Jurisdictions).AsSingleQuery().FirstOrDefaultAsync(u => u.Id == id, ct) is { } row ? Info(row) : null;

    /// <summary>
    /// Checks a name and password. A locked or disabled account is refused without looking at the password; each
    /// failure counts, and <see cref="SignInPolicy.MaxFailures"/> in a row lock the account for
    /// <see cref="SignInPolicy.LockoutMinutes"/>. The answer does not tell a wrong name from a wrong password.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? name, string? password, CancellationToken ct = default)
    {
        var wrong = new UserProblem("PL-U10", 401, "用户名或密码不正确");
        var typed = (name ?? "").Trim();
        var row = typed.Length == 0 ? null : await db.Users.AsTracking().Include(u => u.Units).Include(u => u.Jurisdictions).AsSplitQuery().FirstOrDefaultAsync(u => u.Name == typed, ct);
        if (row is null)
        {
            // The same work as for a real user, so timing does not tell which names exist.
            Hasher.VerifyHashedPassword(Dummy, Dummy.PasswordHash, password ?? "");
            return new SignInResult(null, wrong);
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        if (row.LockedUntil is { } until && until > now)
        {
            return new SignInResult(null, Locked(until), until);
        }

        if (row.Disabled)
        {
            return new SignInResult(null, new UserProblem("PL-U12", 403, "该账户已停用，请联系管理员"));
        }

        db.AuditActor = row.Name;
        db.AuditContext = "sign-in";
        var verdict = Hasher.VerifyHashedPassword(row, row.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            row.FailedSignIns++;
            if (row.FailedSignIns >= policy.MaxFailures)
            {
                row.LockedUntil = now.AddMinutes(policy.LockoutMinutes);
                row.FailedSignIns = 0;
                await db.SaveChangesAsync(ct);
                return new SignInResult(null, Locked(row.LockedUntil.Value), row.LockedUntil);
            }

            await db.SaveChangesAsync(ct);
            return new SignInResult(null, wrong);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            row.PasswordHash = Hasher.HashPassword(row, password!);
        }

        if (row.FailedSignIns != 0 || row.LockedUntil is not null)
        {
            row.FailedSignIns = 0;
            row.LockedUntil = null;
        }

        await db.SaveChangesAsync(ct);
        return new SignInResult(Info(row), null);
    }

    /// <summary>Makes a bearer token for a user: the token (shown once, stored only as its hash) and its listing.</summary>
    public async Task<(string? Token, TokenInfo? Info, UserProblem? Problem)> CreateTokenAsync(string userName, string? label, DateTimeOffset? expiresAt, string by, CancellationToken ct = default)
    {
        var user = await LoadAsync(userName, tracking: false, ct);
        if (user is null)
        {
            return (null, null, NotFound(userName));
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken
        {
            UserId = user.Id,
            Hash = HashToken(token),
            Prefix = token[..(TokenPrefix.Length + 6)],
            Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        db.AuditActor = by;
        db.AuditContext = "token create";
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return (token, Info(row, user.Name), null);
    }

    public async Task<IReadOnlyList<TokenInfo>> ListTokensAsync(string? userName = null, CancellationToken ct = default)
    {
        var q = db.ApiTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        if (userName is not null)
        {
            q = q.Where(t => t.User!.Name == userName);
        }

        return (await q.OrderBy(t => t.Id).ToListAsync(ct)).Select(t => Info(t, t.User!.Name)).ToList();
    }

    public async Task<UserProblem?> RevokeTokenAsync(long id, string by, CancellationToken ct = default)
    {
        var row = await db.ApiTokens.AsTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (row is null)
        {
            return new UserProblem("PL-U20", 404, $"没有编号为 {id} 的令牌");
        }

        if (row.RevokedAt is null)
        {
            db.AuditActor = by;
            db.AuditContext = "token revoke";
            row.RevokedAt = clock.GetUtcNow().ToUniversalTime();
            await db.SaveChangesAsync(ct);
        }

        return null;
    }

    /// <summary>The user a bearer token stands for, when the token is known, not revoked, not expired and its user not disabled.</summary>
    public async Task<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return null;
        }

        var hash = HashToken(token);
        // One round trip, read by hand (every API request does this; EF Core's query pipeline cost the host more than
        // the rest of a page's reading); only a token last used more than five minutes ago is loaded again, tracked, to
        // note its use (audited as every change is).
        var row = await RawCommand.ReadAsync(db, TokenSql, [("h", hash)], r => ReadTokenAsync(r, ct), ct);
        var now = clock.GetUtcNow().ToUniversalTime();
        if (row?.User is null || row.RevokedAt is not null || row.ExpiresAt <= now || row.User.Disabled)
        {
            return null;
        }

        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            var used = await db.ApiTokens.AsTracking().FirstAsync(t => t.Id == row.Id, ct);
            used.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return Info(row.User);
    }

    /// <summary>The token with its user, then the user's units, then its jurisdictions (the same SQL on both providers).</summary>
    private const string TokenSql = """
        SELECT t."Id", t."UserId", t."ExpiresAt", t."RevokedAt", t."LastUsedAt",
               u."Name", u."Role", u."Disabled", u."LockedUntil", u."SecurityStamp"
        FROM api_tokens AS t INNER JOIN users AS u ON u."Id" = t."UserId"
        WHERE t."Hash" = @h;
        SELECT x."UnitKey" FROM user_units AS x INNER JOIN api_tokens AS t ON t."UserId" = x."UserId" WHERE t."Hash" = @h;
        SELECT x."Jurisdiction" FROM user_jurisdictions AS x INNER JOIN api_tokens AS t ON t."UserId" = x."UserId" WHERE t."Hash" = @h;
        """;

    private static async Task<ApiToken?> ReadTokenAsync(System.Data.Common.DbDataReader r, CancellationToken ct)
    {
        if (!await r.ReadAsync(ct))
        {
            return null;
        }

        static DateTimeOffset? At(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        var user = new LedgerUser
        {
            Id = r.GetInt64(1), Name = r.GetString(5), Role = r.GetString(6), Disabled = r.GetBoolean(7), LockedUntil = At(r, 8),
            SecurityStamp = r.GetString(9), PasswordHash = "",
        };
        var token = new ApiToken
        {
            Id = r.GetInt64(0), UserId = user.Id, User = user, Hash = "", Prefix = "", ExpiresAt = At(r, 2), RevokedAt = At(r, 3), LastUsedAt = At(r, 4),
        };
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
        {
            user.Units.Add(new LedgerUserUnit { UserId = user.Id, UnitKey = r.GetString(0) });
        }

        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
        {
            user.Jurisdictions.Add(new LedgerUserJurisdiction { UserId = user.Id, Jurisdiction = r.GetString(0) });
        }

        return token;
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static readonly LedgerUser Dummy = MakeDummy();

    private static LedgerUser MakeDummy()
    {
        var user = new LedgerUser { Name = "", Role = "viewer", PasswordHash = "", SecurityStamp = "" };
        user.PasswordHash = Hasher.HashPassword(user, Guid.NewGuid().ToString());
        return user;
    }

    private async Task<LedgerUser?> LoadAsync(string name, bool tracking, CancellationToken ct)
    {
        var q = tracking ? db.Users.AsTracking() : db.Users.AsNoTracking();
        var typed = (name ?? "").Trim();
        return await q.Include(u => u.Units).Include(u => u.Jurisdictions).AsSplitQuery().FirstOrDefaultAsync(u => u.Name == typed, ct);
    }

    /// <summary>The unit keys and jurisdictions a user of this role is bound to, each checked against the ledger.</summary>
    private async Task<(List<string> Units, List<string> Jurisdictions, UserProblem? Problem)> ScopeAsync(string role, IReadOnlyList<string> typedUnits, IReadOnlyList<string> typedJurisdictions, CancellationToken ct)
    {
        var units = new List<string>();
        foreach (var typed in typedUnits.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var found = await db.Units.AsNoTracking().Where(u => u.Key == typed || u.Name == typed).Select(u => new { u.Key, u.Name, u.Jurisdiction }).ToListAsync(ct);
            var exact = found.Where(u => u.Key == typed).ToList();
            if (exact.Count == 1)
            {
                found = exact;
            }

            if (found.Count == 0)
            {
                return ([], [], new UserProblem("PL-U05", 400, $"没有名称或编号为“{typed}”的单位（units 命令列出各单位及其编号）"));
            }

            if (found.Count > 1)
            {
                return ([], [], new UserProblem("PL-U06", 400, $"单位“{typed}”对应多个单位，请用单位编号：{string.Join("；", found.Select(u => $"{u.Name}（{u.Jurisdiction}，编号 {u.Key}）"))}"));
            }

            if (!units.Contains(found[0].Key, StringComparer.Ordinal))
            {
                units.Add(found[0].Key);
            }
        }

        if (role == "reporter" && units.Count == 0)
        {
            return ([], [], new UserProblem("PL-U07", 400, "填报人员（reporter）须至少绑定一个单位（--unit）"));
        }

        if (role != "reporter" && units.Count > 0)
        {
            return ([], [], new UserProblem("PL-U08", 400, "只有填报人员（reporter）绑定单位；督办和查看人员用辖区（--jurisdiction）限定范围"));
        }

        var jurisdictions = typedJurisdictions.Select(j => j.Trim()).Where(j => j.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (jurisdictions.Count > 0)
        {
            var known = await db.Documents.AsNoTracking().Select(d => d.Jurisdiction).Distinct().ToListAsync(ct);
            if (jurisdictions.FirstOrDefault(j => !known.Contains(j)) is { } unknown)
            {
                return ([], [], new UserProblem("PL-U09", 400, $"账本中没有辖区“{unknown}”；已有辖区：{(known.Count == 0 ? "（无，请先导入文件）" : string.Join("、", known.Order(StringComparer.Ordinal)))}"));
            }
        }

        return (units, jurisdictions, null);
    }

    private static UserProblem? NameProblem(string name)
    {
        if (name.Length is 0 or > 128)
        {
            return new UserProblem("PL-U01", 400, "用户名须为1到128个字符");
        }

        if (name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return new UserProblem("PL-U01", 400, "用户名不能含空白或控制字符");
        }

        return null;
    }

    private UserProblem? PasswordProblem(string? password)
    {
        if (password is null || password.Length < policy.MinPasswordLength)
        {
            return new UserProblem("PL-U04", 400, $"密码至少{policy.MinPasswordLength}个字符");
        }

        if (password.Length > 256)
        {
            return new UserProblem("PL-U04", 400, "密码不能超过256个字符");
        }

        return null;
    }

    private static UserProblem RoleProblem(string? typed) =>
        new("PL-U03", 400, $"角色“{typed}”无效：应为 {string.Join("、", Roles)}（管理员、督办、填报、查看）");

    private static UserProblem NotFound(string name) => new("PL-U11", 404, $"没有用户“{name}”");

    private static UserProblem Locked(DateTimeOffset until) =>
        new("PL-U13", 423, $"连续登录失败次数过多，账户已锁定至{TimeZoneInfo.ConvertTime(until, ChinaTime.Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)}（北京时间）");

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static UserInfo Info(LedgerUser u) => new(
        u.Id, u.Name, u.Role,
        u.Units.Select(x => x.UnitKey).Order(StringComparer.Ordinal).ToList(),
        u.Jurisdictions.Select(x => x.Jurisdiction).Order(StringComparer.Ordinal).ToList(),
        u.Disabled, u.LockedUntil, u.SecurityStamp);

    private static TokenInfo Info(ApiToken t, string user) => new(t.Id, user, t.Prefix, t.Label, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
