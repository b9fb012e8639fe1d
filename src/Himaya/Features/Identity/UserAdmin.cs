using Himaya.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Himaya.Features.Identity;

public sealed record UserInput
{
    public string? UserName { get; init; }
    public string? DisplayName { get; init; }
    public string? Agency { get; init; }
    public List<string>? Roles { get; init; }
    public ScopeKind? ScopeKind { get; init; }
    public List<string>? ScopeAreas { get; init; }
    public bool? IsActive { get; init; }
    /// <summary>Required on create; on update, a new password or null to keep the current one.</summary>
    public string? Password { get; init; }
}

public sealed record UserDto(int Id, string UserName, string DisplayName, string Agency, IReadOnlyList<string> Roles, ScopeKind ScopeKind,
    IReadOnlyList<string> ScopeAreas, bool IsActive, bool LockedOut, DateTime? LastSignInAt, bool TwoFactorEnabled);

/// <summary>User administration: administrators only; every change is audited and resets the user's sessions.</summary>
public static class UserAdmin
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    public static FieldErrors Validate(UserInput i, AdminUnits units, bool isCreate)
    {
        var e = new FieldErrors();
        if (isCreate)
        {
            if (string.IsNullOrWhiteSpace(i.UserName)) e.Add(IdentityErrors.UsernameRequired("userName"));
            else if (i.UserName.Length > 64 || !i.UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                e.Add(IdentityErrors.UsernameFormat());
            if (string.IsNullOrEmpty(i.Password)) e.Add(IdentityErrors.PasswordRequired());
        }
        if (i.Password is { Length: > 0 } p && (p.Length < MinPasswordLength || p.Length > MaxPasswordLength))
            e.Add(IdentityErrors.PasswordLength(MinPasswordLength, MaxPasswordLength));
        if (string.IsNullOrWhiteSpace(i.DisplayName)) e.Add(IdentityErrors.NameRequired());
        else if (i.DisplayName.Length > 128) e.Add(PlatformErrors.TooLong("displayName", 128));
        if (i.Agency is { Length: > 128 }) e.Add(PlatformErrors.TooLong("agency", 128));
        if (i.Roles is not { Count: > 0 }) e.Add(IdentityErrors.RoleRequired());
        else if (i.Roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } bad) e.Add(IdentityErrors.UnknownRole(bad, string.Join(", ", Roles.All)));
        if (i.ScopeKind is null) e.Add(IdentityErrors.ScopeRequired());
        else if (i.ScopeKind == ScopeKind.Areas && i.ScopeAreas is not { Count: > 0 }) e.Add(IdentityErrors.AreaRequired());
        if (i.ScopeAreas?.FirstOrDefault(a => units.Find(a) is null) is { } unknown) e.Add(IdentityErrors.UnknownArea(unknown));
        return e;
    }

    public static async Task<IResult> ListAsync(HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!http.Caller().Can(Permission.ManageUsers)) return TypedResults.Problem(statusCode: 403, title: "Only administrators manage users.");
        return TypedResults.Ok(await ListUsersAsync(db, clock, ct));
    }

    public static async Task<IReadOnlyList<UserDto>> ListUsersAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking().Include(u => u.Roles).Include(u => u.ScopeAreas).OrderBy(u => u.UserName).ToListAsync(ct);
        return [.. users.Select(u => ToDto(u, now))];
    }

    public static UserDto ToDto(AppUser u, DateTime now) => new(u.Id, u.UserName, u.DisplayName, u.Agency, [.. u.RoleNames], u.ScopeKind,
        [.. u.ScopeAreas.Select(a => a.AdminUnitCode)], u.IsActive, u.LockoutEnd > now, u.LastSignInAt, u.TwoFactorEnabled);

    public static async Task<IResult> CreateApiAsync(HttpContext http, AppDbContext db, AdminUnits units, AuditLog audit, IPasswordHasher<AppUser> hasher, TimeProvider clock, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!caller.Can(Permission.ManageUsers)) return TypedResults.Problem(statusCode: 403, title: "Only administrators manage users.");
        var (input, errors) = await Json.ReadAsync<UserInput>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        return (await CreateAsync(caller, input!, db, units, audit, hasher, clock, ct)).ToResult(u => TypedResults.Created($"/api/v1/users/{u.Id}", u));
    }

    public static async Task<Outcome<UserDto>> CreateAsync(CurrentUser caller, UserInput input, AppDbContext db, AdminUnits units, AuditLog audit, IPasswordHasher<AppUser> hasher, TimeProvider clock, CancellationToken ct)
    {
        var e = Validate(input, units, isCreate: true);
        if (!e.IsEmpty) return new Outcome<UserDto>.Invalid(e);
        var name = input.UserName!.Trim();
        if (await db.Users.AnyAsync(u => u.UserName == name, ct)) return Outcome<UserDto>.Refused(IdentityErrors.UsernameTaken());
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = name, DisplayName = input.DisplayName!.Trim(), CreatedAt = now };
        Apply(user, input);
        user.PasswordHash = hasher.HashPassword(user, input.Password!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(caller, new AuditEvent(AuditActions.Create, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(user)), ct);
        await tx.CommitAsync(ct);
        return ToDto(user, now);
    }

    public static async Task<IResult> UpdateApiAsync(int id, HttpContext http, AppDbContext db, AdminUnits units, AuditLog audit, IPasswordHasher<AppUser> hasher, TimeProvider clock, IMemoryCache cache, CancellationToken ct)
    {
        var caller = http.Caller();
        if (!caller.Can(Permission.ManageUsers)) return TypedResults.Problem(statusCode: 403, title: "Only administrators manage users.");
        var (input, errors) = await Json.ReadAsync<UserInput>(http.Request, ct);
        if (errors is not null) return errors.ToProblem();
        return (await UpdateAsync(caller, id, input!, db, units, audit, hasher, clock, cache, ct)).ToResult(TypedResults.Ok);
    }

    public static async Task<Outcome<UserDto>> UpdateAsync(CurrentUser caller, int id, UserInput input, AppDbContext db, AdminUnits units, AuditLog audit, IPasswordHasher<AppUser> hasher, TimeProvider clock, IMemoryCache cache, CancellationToken ct)
    {
        var e = Validate(input, units, isCreate: false);
        if (!e.IsEmpty) return new Outcome<UserDto>.Invalid(e);
        var user = await db.Users.Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return new Outcome<UserDto>.NotFound();
        if (user.Id == caller.Id && (input.IsActive == false || input.Roles?.Contains(Roles.Administrator) != true))
            return Outcome<UserDto>.Refused(IdentityErrors.CannotDemoteSelf());
        user.DisplayName = input.DisplayName!.Trim();
        Apply(user, input);
        if (input.Password is { Length: > 0 } p) { user.PasswordHash = hasher.HashPassword(user, p); user.LockoutEnd = null; user.AccessFailedCount = 0; }
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(caller, new AuditEvent(AuditActions.Update, "user", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Describe(user) + (input.Password is { Length: > 0 } ? "; password reset" : "")), ct);
        await tx.CommitAsync(ct);
        CurrentUserAccessor.Forget(cache, id);
        return ToDto(user, clock.GetUtcNow().UtcDateTime);
    }

    private static void Apply(AppUser user, UserInput input)
    {
        user.Agency = input.Agency?.Trim() ?? "";
        user.ScopeKind = input.ScopeKind!.Value;
        user.IsActive = input.IsActive ?? true;
        user.Roles.Clear();
        user.Roles.AddRange(input.Roles!.Distinct(StringComparer.Ordinal).Select(r => new UserRole { Role = r }));
        user.ScopeAreas.Clear();
        if (user.ScopeKind == ScopeKind.Areas)
            user.ScopeAreas.AddRange(input.ScopeAreas!.Distinct(StringComparer.Ordinal).Select(a => new UserScopeArea { AdminUnitCode = a }));
    }

    private static string Describe(AppUser u) => $"roles={string.Join(',', u.RoleNames)}; scope={u.ScopeKind}:{string.Join(',', u.ScopeAreas.Select(a => a.AdminUnitCode))}; active={u.IsActive}";
}
