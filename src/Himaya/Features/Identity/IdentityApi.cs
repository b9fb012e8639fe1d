using Himaya.Features.Audit;
using Himaya.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Himaya.Features.Identity;

public sealed record TokenRequest(string? Username, string? Password);

public static class IdentityApi
{
    public static void MapIdentityApi(this RouteGroupBuilder api, RouteGroupBuilder open)
    {
        open.MapPost("/auth/token", TokenAsync).WithTags("Auth").WithName("IssueToken").AllowAnonymous();
        api.MapGet("/auth/me", (HttpContext http) =>
        {
            var u = http.Caller();
            return TypedResults.Ok(new { u.Id, u.UserName, u.Agency, u.Roles, ScopeKind = u.ScopeKind.ToString(), Districts = u.Districts.Order(StringComparer.Ordinal) });
        }).WithTags("Auth").WithName("WhoAmI").Requires(Permission.ViewAggregates);
        api.MapPost("/auth/sign-out", async (HttpContext http, AuditLog audit, CancellationToken ct) =>
        {
            await audit.RecordAsync(http.Caller(), new AuditEvent(AuditActions.SignOut, "user"), ct);
            return TypedResults.NoContent();
        }).WithTags("Auth").WithName("SignOutApi").Requires(Permission.ViewAggregates);

        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", UserAdmin.ListAsync).WithName("ListUsers").Requires(Permission.ManageUsers);
        users.MapPost("/", UserAdmin.CreateApiAsync).WithName("CreateUser").Requires(Permission.ManageUsers);
        users.MapPut("/{id:int}", UserAdmin.UpdateApiAsync).WithName("UpdateUser").Requires(Permission.ManageUsers);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, SignInService signIn, CancellationToken ct)
    {
        var (req, errors) = await Json.ReadAsync<TokenRequest>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(req!.Username)) e.Add("username", "Username is required.");
        if (string.IsNullOrEmpty(req.Password)) e.Add("password", "Password is required.");
        if (!e.IsEmpty) return e.ToProblem();
        var (outcome, user) = await signIn.CheckAsync(req.Username, req.Password, http.Connection.RemoteIpAddress?.ToString(), ct);
        return outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.SignIn(SignInService.PrincipalFor(user!, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme),
            SignInOutcome.LockedOut => TypedResults.Problem(statusCode: 423, title: "Too many failed attempts: the account is locked for a while."),
            _ => TypedResults.Problem(statusCode: 401, title: "Wrong username or password."),
        };
    }
}
