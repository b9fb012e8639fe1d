using Himaya.Platform;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Himaya.Features.Identity;

/// <summary><c>code</c>: the authenticator app's 6 digits or a recovery code, for users enrolled in two-factor sign-in.</summary>
public sealed record TokenRequest(string? Username, string? Password, string? Code = null);
public sealed record EnrolRequest(string? Username, string? Password);
public sealed record ConfirmEnrolmentRequest(string? EnrolmentToken, string? Code);

public static class IdentityApi
{
    public static void MapIdentityApi(this RouteGroupBuilder api, RouteGroupBuilder open)
    {
        open.MapPost("/auth/token", TokenAsync).WithTags("Auth").JsonBody<TokenRequest>().WithName("IssueToken").AllowAnonymous();
        open.MapPost("/auth/two-factor/enrol", EnrolAsync).WithTags("Auth").JsonBody<EnrolRequest>().WithName("StartTwoFactorEnrolment").AllowAnonymous();
        open.MapPost("/auth/two-factor/confirm", ConfirmAsync).WithTags("Auth").JsonBody<ConfirmEnrolmentRequest>().WithName("ConfirmTwoFactorEnrolment").AllowAnonymous();
        api.MapGet("/auth/me", (HttpContext http) =>
        {
            var u = http.Caller();
            return TypedResults.Ok(new CallerView(u.Id, u.UserName, u.Agency, u.Roles, u.ScopeKind.ToString(), [.. u.Districts.Order(StringComparer.Ordinal)]));
        }).WithTags("Auth").WithName("WhoAmI").Requires(Permission.ViewAggregates);
        api.MapPost("/auth/sign-out", async (HttpContext http, AuditLog audit, CancellationToken ct) =>
        {
            await audit.RecordAsync(http.Caller(), new AuditEvent(AuditActions.SignOut, "user"), ct);
            return TypedResults.NoContent();
        }).WithTags("Auth").WithName("SignOutApi").Requires(Permission.ViewAggregates);

        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", UserAdmin.ListAsync).WithName("ListUsers").Requires(Permission.ManageUsers);
        users.MapPost("/", UserAdmin.CreateApiAsync).JsonBody<UserInput>().WithName("CreateUser").Requires(Permission.ManageUsers);
        users.MapPut("/{id:int}", UserAdmin.UpdateApiAsync).JsonBody<UserInput>().WithName("UpdateUser").Requires(Permission.ManageUsers);
        users.MapPost("/{id:int}/two-factor/reset", async (int id, HttpContext http, TwoFactor twoFactor, CancellationToken ct) =>
            (await twoFactor.ResetAsync(http.Caller(), id, ct)).ToResult(_ => TypedResults.NoContent())).WithName("ResetTwoFactor").Requires(Permission.ManageUsers);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, SignInService signIn, CancellationToken ct)
    {
        var (req, errors) = await Json.ReadAsync<TokenRequest>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(req!.Username)) e.Add(IdentityErrors.UsernameRequired("username"));
        if (string.IsNullOrEmpty(req.Password)) e.Add(IdentityErrors.PasswordRequired());
        if (!e.IsEmpty) return e.ToProblem();
        if (req.Code is { Length: > 64 }) return new FieldErrors().Add(PlatformErrors.TooLong("code", 64)).ToProblem();
        var (outcome, user) = await signIn.CheckAsync(req.Username, req.Password, req.Code, http.Connection.RemoteIpAddress?.ToString(), ct);
        return outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.SignIn(SignInService.PrincipalFor(user!, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme),
            SignInOutcome.LockedOut => TypedResults.Problem(statusCode: 423, title: "Too many failed attempts: the account is locked for a while."),
            SignInOutcome.CodeRequired => CodeProblem("Enter the code from your authenticator app (or a recovery code) as \"code\".", true),
            SignInOutcome.WrongCode => CodeProblem("The two-factor code is wrong or was already used.", true),
            SignInOutcome.EnrolmentRequired => TypedResults.Problem(statusCode: 403, title: "Your role needs two-factor sign-in: enrol first (POST /api/v1/auth/two-factor/enrol, then /confirm).",
                extensions: new Dictionary<string, object?> { ["enrolmentRequired"] = true }),
            _ => TypedResults.Problem(statusCode: 401, title: "Wrong username or password."),
        };
    }

    private static IResult CodeProblem(string message, bool required) => TypedResults.Problem(statusCode: 401, title: message,
        extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = required, ["errors"] = new Dictionary<string, string[]> { ["code"] = [message] } });

    /// <summary>Enrolment for API clients: the password proves who it is; the answer carries the secret and a token for the confirmation.</summary>
    private static async Task<IResult> EnrolAsync(HttpContext http, SignInService signIn, TwoFactor twoFactor, CancellationToken ct)
    {
        var (req, errors) = await Json.ReadAsync<EnrolRequest>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(req!.Username)) e.Add(IdentityErrors.UsernameRequired("username"));
        if (string.IsNullOrEmpty(req.Password)) e.Add(IdentityErrors.PasswordRequired());
        if (!e.IsEmpty) return e.ToProblem();
        var (outcome, user) = await signIn.CheckAsync(req.Username, req.Password, null, http.Connection.RemoteIpAddress?.ToString(), ct);
        return outcome switch
        {
            SignInOutcome.EnrolmentRequired or SignInOutcome.Succeeded => TypedResults.Ok(twoFactor.Start(user!)),
            SignInOutcome.CodeRequired => Outcome<bool>.Refused(IdentityErrors.AlreadyEnrolled()).ToResult(_ => TypedResults.Ok()),
            SignInOutcome.LockedOut => TypedResults.Problem(statusCode: 423, title: "Too many failed attempts: the account is locked for a while."),
            _ => TypedResults.Problem(statusCode: 401, title: "Wrong username or password."),
        };
    }

    private static async Task<IResult> ConfirmAsync(HttpContext http, TwoFactor twoFactor, CancellationToken ct)
    {
        var (req, errors) = await Json.ReadAsync<ConfirmEnrolmentRequest>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(req!.EnrolmentToken)) e.Add(IdentityErrors.EnrolmentTokenRequired());
        if (string.IsNullOrWhiteSpace(req.Code)) e.Add(IdentityErrors.CodeRequired());
        if (!e.IsEmpty) return e.ToProblem();
        var (user, secret) = await twoFactor.ReadTicketAsync(req.EnrolmentToken, ct);
        if (user is null || secret is null) return new FieldErrors().Add(IdentityErrors.EnrolmentExpired()).ToProblem();
        if (user.TwoFactorEnabled) return Outcome<bool>.Refused(IdentityErrors.AlreadyConfirmed()).ToResult(_ => TypedResults.Ok());
        var codes = await twoFactor.ConfirmAsync(user, secret, req.Code, http.Connection.RemoteIpAddress?.ToString(), ct);
        return codes is null ? new FieldErrors().Add(IdentityErrors.CodeMismatch()).ToProblem()
            : TypedResults.Ok(new { recoveryCodes = codes });
    }
}

/// <summary>The signed-in caller as <c>GET /api/v1/auth/me</c> shows them.</summary>
public sealed record CallerView(int Id, string UserName, string Agency, IReadOnlyList<string> Roles, string ScopeKind, IReadOnlyList<string> Districts);
