using System.Globalization;

namespace Himaya.Platform;

public sealed record RequiresPermission(Permission Permission);

public static class ApiSupport
{
    private const string UserKey = "himaya:user";

    /// <summary>
    /// Every /api/v1 endpoint (but sign-in) passes through this: the caller must resolve to an active user whose
    /// security stamp still matches; otherwise 401. Handlers then read the user with <see cref="Caller"/>.
    /// </summary>
    public static RouteGroupBuilder RequireCurrentUser(this RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.AddEndpointFilter(async (ctx, next) =>
        {
            var accessor = ctx.HttpContext.RequestServices.GetRequiredService<ICurrentUserSource>();
            var user = await accessor.GetAsync(ctx.HttpContext.RequestAborted);
            if (user is null) return TypedResults.Problem(statusCode: 401, title: "Sign in again: your session is no longer valid.");
            ctx.HttpContext.Items[UserKey] = user;
            return await next(ctx);
        });
        return group;
    }

    /// <summary>
    /// Declares the permission an endpoint needs and enforces it before the handler runs (403, audited).
    /// The authorisation test reads this metadata from every endpoint, so an endpoint without it fails the build's tests.
    /// </summary>
    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder endpoint, Permission permission)
    {
        endpoint.WithMetadata(new RequiresPermission(permission));
        endpoint.AddEndpointFilter(async (ctx, next) =>
        {
            var user = ctx.HttpContext.Caller();
            if (user.Can(permission)) return await next(ctx);
            var audit = ctx.HttpContext.RequestServices.GetRequiredService<Himaya.Platform.AuditLog>();
            await audit.RecordAsync(user, new Himaya.Platform.AuditEvent(Himaya.Platform.AuditActions.Denied, Detail: $"{ctx.HttpContext.Request.Method} {ctx.HttpContext.GetEndpoint()?.DisplayName}: needs {permission}", Succeeded: false));
            return TypedResults.Problem(statusCode: 403, title: "Your role does not allow this.");
        });
        return endpoint;
    }

    /// <summary>
    /// Declares the JSON body an endpoint reads (OpenAPI shows it; the generated input tests read it to send every enum
    /// and boolean field bad values). <see cref="Json.ReadAsync"/> refuses to read a body the endpoint did not declare.
    /// </summary>
    public static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder endpoint) where T : class =>
        endpoint.Accepts<T>("application/json");

    /// <summary>Reads the endpoint's declared JSON body, answering a body that does not parse with its field errors.</summary>
    public static async Task<IResult> WithBody<T>(this HttpContext http, CancellationToken ct, Func<T, Task<IResult>> then) where T : class
    {
        var (input, errors) = await Json.ReadAsync<T>(http.Request, ct);
        return errors is not null ? errors.ToProblem() : await then(input!);
    }

    public static CurrentUser Caller(this HttpContext http) =>
        http.Items[UserKey] as CurrentUser ?? throw new InvalidOperationException("Endpoint is missing RequireCurrentUser.");

    public static string Culture => CultureInfo.CurrentUICulture.Name;
}
