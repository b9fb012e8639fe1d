using Microsoft.EntityFrameworkCore;
using Himaya.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Himaya.Features.Identity.Pages;

/// <summary>User administration: list, create, change roles/scope/status, reset password.</summary>
public sealed class UsersModel(AppDbContext db, AdminUnits units, AuditLog audit, IPasswordHasher<AppUser> hasher, TimeProvider clock, IMemoryCache cache) : HimayaPage
{
    public IReadOnlyList<UserDto> Users { get; private set; } = [];
    public UserInput Input { get; private set; } = new() { Roles = [], ScopeKind = ScopeKind.Areas };
    public int? EditingId { get; private set; }
    public string? SavedName { get; private set; }
    public AdminUnits Units => units;

    public async Task<IActionResult> OnGetAsync(int? edit, string? saved, CancellationToken ct)
    {
        if (!Me.Can(Permission.ManageUsers)) return ForbiddenPage();
        Users = await UserAdmin.ListUsersAsync(db, clock, ct);
        SavedName = saved;
        if (edit is { } id && Users.FirstOrDefault(u => u.Id == id) is { } u)
        {
            EditingId = id;
            Input = new UserInput { UserName = u.UserName, DisplayName = u.DisplayName, Agency = u.Agency, Roles = [.. u.Roles], ScopeKind = u.ScopeKind, ScopeAreas = [.. u.ScopeAreas], IsActive = u.IsActive };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(int userId, [FromServices] TwoFactor twoFactor, CancellationToken ct) =>
        await twoFactor.ResetAsync(Me, userId, ct) switch
        {
            Outcome<bool>.Ok => Redirect("/admin/users?saved=" + Uri.EscapeDataString(await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstAsync(ct))),
            Outcome<bool>.Forbidden => ForbiddenPage(),
            _ => NotFoundPage(),
        };

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!Me.Can(Permission.ManageUsers)) return ForbiddenPage();
        var errors = new FieldErrors();
        var f = new FormReader(Request.Form, errors);
        Input = new UserInput
        {
            UserName = f.Text("userName"), DisplayName = f.Text("displayName"), Agency = f.Text("agency"),
            Roles = [.. Request.Form["roles"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!)],
            ScopeKind = f.Enum<ScopeKind>("scopeKind"),
            ScopeAreas = [.. Request.Form["scopeAreas"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!)],
            IsActive = id is null || f.Check("isActive"), Password = f.Text("password"),
        };
        EditingId = id;
        if (errors.IsEmpty)
        {
            var outcome = id is null
                ? await UserAdmin.CreateAsync(Me, Input, db, units, audit, hasher, clock, ct)
                : await UserAdmin.UpdateAsync(Me, id.Value, Input, db, units, audit, hasher, clock, cache, ct);
            if (outcome is Outcome<UserDto>.Ok ok) return Redirect("/admin/users?saved=" + Uri.EscapeDataString(ok.Value.UserName));
            if (outcome is Outcome<UserDto>.Invalid bad) errors = bad.Errors;
            else return NotFoundPage();
        }
        Errors = errors;
        Users = await UserAdmin.ListUsersAsync(db, clock, ct);
        return Page();
    }
}
