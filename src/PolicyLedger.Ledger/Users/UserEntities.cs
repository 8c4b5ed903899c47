namespace PolicyLedger.Ledger.Users;

// The people who use the web application and the API, kept in the ledger database so that every instance of the
// web host (several behind a proxy on one PostgreSQL) sees the same users, lockouts, tokens and keys.

/// <summary>A person who signs in: name, role, password hash, lockout, and the units and jurisdictions they are bound to.</summary>
public sealed class LedgerUser
{
    public long Id { get; set; }

    /// <summary>The sign-in name (unique, as typed; compared exactly).</summary>
    public required string Name { get; set; }

    /// <summary>admin, supervisor, reporter or viewer.</summary>
    public required string Role { get; set; }

    /// <summary>The ASP.NET Core Identity password hash (PBKDF2 with a salt, version-marked).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Changes whenever the password, role, units or jurisdictions change: sign-ins made before are no longer valid.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>Failed sign-ins in a row since the last good one.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Until when sign-in is refused after too many failures (UTC); null: not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>A disabled user cannot sign in and its tokens are refused.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<LedgerUserUnit> Units { get; set; } = [];

    public List<LedgerUserJurisdiction> Jurisdictions { get; set; } = [];
}

/// <summary>A unit a reporter reports for (its unit key, <c>jurisdiction/short name</c>: stable across imports).</summary>
public sealed class LedgerUserUnit
{
    public long UserId { get; set; }

    public required string UnitKey { get; set; }
}

/// <summary>A jurisdiction a supervisor or viewer sees (none: every jurisdiction of the ledger).</summary>
public sealed class LedgerUserJurisdiction
{
    public long UserId { get; set; }

    public required string Jurisdiction { get; set; }
}

/// <summary>A bearer token for scripts: only its SHA-256 is stored; revoked tokens stay listed.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public LedgerUser? User { get; set; }

    /// <summary>SHA-256 (hex) of the token as given to the user.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, to recognize it in a list.</summary>
    public required string Prefix { get; set; }

    /// <summary>What it is for ("nightly export"); may be empty.</summary>
    public string? Label { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>One key of the ASP.NET Core data protection key ring (cookies, antiforgery), as the XML it writes.</summary>
public sealed class DataProtectionKeyRow
{
    public long Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
