using Himaya.Platform;

namespace Himaya.Features.Identity;

/// <summary>
/// The refusals of user administration, passwords and two-factor sign-in, each with a stable code; the texts are kept
/// per language as <c>Error.&lt;code&gt;</c> in Identity/Texts.json.
/// </summary>
public static class IdentityErrors
{
    // The field is userName on the users' form and API, username on sign-in.
    public static Refusal UsernameRequired(string field) => Refusal.OnField("user.username-required", field);
    public static Refusal UsernameFormat() => Refusal.OnField("user.username-format", "userName");
    public static Refusal UsernameTaken() => Refusal.OnField("user.username-taken", "userName");
    public static Refusal PasswordRequired() => Refusal.OnField("user.password-required", "password");
    public static Refusal PasswordLength(int min, int max) => Refusal.OnField("user.password-length", "password", min, max);
    public static Refusal NameRequired() => Refusal.OnField("user.name-required", "displayName");
    public static Refusal RoleRequired() => Refusal.OnField("user.role-required", "roles");
    public static Refusal UnknownRole(string role, string known) => Refusal.OnField("user.unknown-role", "roles", role, known);
    public static Refusal ScopeRequired() => Refusal.OnField("user.scope-required", "scopeKind");
    public static Refusal AreaRequired() => Refusal.OnField("user.area-required", "scopeAreas");
    public static Refusal UnknownArea(string code) => Refusal.OnField("user.unknown-area", "scopeAreas", code);
    public static Refusal CannotDemoteSelf() => Refusal.OnField("user.cannot-demote-self", "roles");

    // A user changing their own password.
    public static Refusal CurrentPasswordWrong() => Refusal.OnField("password.current-wrong", "current");
    public static Refusal SameAsCurrent() => Refusal.OnField("password.same-as-current", "password");
    public static Refusal PasswordsDiffer() => Refusal.OnField("password.confirm-differs", "confirm");

    // Two-factor sign-in.
    public static Refusal EnrolmentTokenRequired() => Refusal.OnField("two-factor.token-required", "enrolmentToken");
    public static Refusal CodeRequired() => Refusal.OnField("two-factor.code-required", "code");
    public static Refusal EnrolmentExpired() => Refusal.OnField("two-factor.enrolment-expired", "enrolmentToken");
    public static Refusal CodeMismatch() => Refusal.OnField("two-factor.code-mismatch", "code");
    public static Refusal AlreadyEnrolled() => Refusal.Of("two-factor.already-enrolled", "username");
    public static Refusal AlreadyConfirmed() => Refusal.Of("two-factor.already-confirmed", "enrolmentToken");
    public static Refusal NothingToReset() => Refusal.Of("two-factor.nothing-to-reset", "userId");
}
