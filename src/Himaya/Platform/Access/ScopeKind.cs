namespace Himaya.Platform;

/// <summary>How far a user's access reaches.</summary>
public enum ScopeKind
{
    /// <summary>Every record in the country.</summary>
    National,
    /// <summary>Records in the listed administrative units (and everything below them).</summary>
    Areas,
    /// <summary>Only records the user registered or is assigned to.</summary>
    Caseload,
}
