namespace Himaya.Platform;

/// <summary>
/// One line of the append-only access log. <see cref="Hash"/> covers every other field and the previous
/// entry's hash, so altering or deleting any entry breaks the chain from there on.
/// Never holds personal data: records are named by type and id only.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Roles { get; set; } = "";
    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    public bool Succeeded { get; set; } = true;
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public static class AuditActions
{
    public const string Read = "read";
    public const string Search = "search";
    /// <summary>Existing records were looked for before a registration (which ones were shown, by id).</summary>
    public const string MatchCheck = "match-check";
    public const string Import = "import";
    public const string ImportRollback = "import-rollback";
    public const string Review = "review";
    public const string Merge = "merge";
    public const string Unmerge = "unmerge";
    public const string Split = "split";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Export = "export";
    /// <summary>An aggregate analysis was run (deprivation): which framework, age group, cuts and scope; no personal data.</summary>
    public const string Analysis = "analysis";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string Denied = "denied";
    public const string Verify = "verify";
    public const string TwoFactorEnrol = "two-factor-enrol";
    public const string TwoFactorReset = "two-factor-reset";
}
