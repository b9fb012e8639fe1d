using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Cli;

/// <summary>
/// `himaya admin-user --username NAME`: creates (or re-activates and resets) a national administrator, so that a
/// production installation — where demo users never exist — has a first way in. The password is read from
/// HIMAYA_ADMIN_PASSWORD, never from the command line (it would land in shell history and process lists).
/// </summary>
internal static class AdminUserVerb
{
    public const string PasswordVariable = "HIMAYA_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        string? name = null;
        for (var i = 1; i < args.Length; i++)
            if (args[i] == "--username" && i + 1 < args.Length) name = args[++i];
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        await using var db = dbOptions.CreateContext(HimayaModules.All);
        await SchemaMigrator.MigrateAsync(db, dbOptions.Provider);
        await AdminUnitLoader.EnsureLoadedAsync(db);
        var units = new AdminUnits();
        await units.ReloadAsync(db);

        var input = new UserInput { UserName = name, DisplayName = name, Roles = [Roles.Administrator], ScopeKind = ScopeKind.National, Password = password, IsActive = true };
        var errors = UserAdmin.Validate(input, units, isCreate: true);
        if (!errors.IsEmpty)
        {
            foreach (var (field, messages) in errors.All)
                Console.Error.WriteLine($"admin-user: {(field == "password" ? PasswordVariable : "--" + field.ToLowerInvariant())}: {string.Join(' ', messages)}");
            Console.Error.WriteLine("usage: HIMAYA_ADMIN_PASSWORD=... himaya admin-user --username NAME");
            return 2;
        }
        var hasher = new PasswordHasher<AppUser>();
        var audit = new AuditLog(db, TimeProvider.System);
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.UserName == name);
        var created = user is null;
        if (user is null)
        {
            user = new AppUser { UserName = name!, DisplayName = name!, ScopeKind = ScopeKind.National, CreatedAt = DateTime.UtcNow };
            db.Users.Add(user);
        }
        if (!user.Roles.Any(r => r.Role == Roles.Administrator)) user.Roles.Add(new UserRole { Role = Roles.Administrator });
        user.PasswordHash = hasher.HashPassword(user, password!);
        user.IsActive = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await audit.RecordAsInTransactionAsync(null, "(command line)", "", null,
            new AuditEvent(created ? AuditActions.Create : AuditActions.Update, "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "admin-user verb: administrator " + (created ? "created" : "reset")));
        await tx.CommitAsync();
        Console.WriteLine($"Administrator '{name}' {(created ? "created" : "reset and re-activated")}.");
        return 0;
    }
}
