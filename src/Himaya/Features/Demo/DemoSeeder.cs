using Himaya.Features.Registry;
using System.Security.Cryptography;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// Demo users (names relied on by outside checks) and a demo population. Runs only outside Production.
/// The password comes from HIMAYA_DEMO_PASSWORD, or is generated at every start and printed, since only its hash is kept.
/// </summary>
public static class DemoSeeder
{
    public const string PasswordVariable = "HIMAYA_DEMO_PASSWORD";

    public sealed record DemoUser(string UserName, string DisplayName, string Agency, string[] Roles, ScopeKind Scope, string[] Areas);

    public static readonly DemoUser[] Users =
    [
        new("admin", "System administrator", "Ministry of Labour and Social Protection", [Roles.Administrator], ScopeKind.National, []),
        new("analyst", "National M&E analyst", "State Committee for Family, Women and Children Affairs", [Roles.NationalAnalyst], ScopeKind.National, []),
        new("coordinator.ganja", "Ganja district coordinator", "Ganja Social Services Centre", [Roles.DistrictCoordinator], ScopeKind.Areas, ["C-GAN"]),
        new("supervisor.ganja", "Ganja social work supervisor", "Ganja Social Services Centre", [Roles.Supervisor], ScopeKind.Areas, ["C-GAN"]),
        new("worker.ganja", "Ganja social worker", "Ganja Social Services Centre", [Roles.SocialWorker], ScopeKind.Areas, ["C-GAN"]),
        new("worker.shirvan", "Shirvan social worker", "Shirvan Social Services Centre", [Roles.SocialWorker], ScopeKind.Areas, ["C-SIR"]),
        new("ngo.ganja", "NGO case worker, Ganja", "Ganja Children's NGO", [Roles.ServiceProvider], ScopeKind.Caseload, []),
        new("hotline", "Child helpline operator", "National Child Helpline", [Roles.HotlineOperator], ScopeKind.National, []),
        new("auditor", "Independent monitor", "Ombudsperson's Office", [Roles.Auditor], ScopeKind.National, []),
        new("monitor.ganja", "Independent monitor, Ganja", "Ombudsperson's Office, Ganja regional centre", [Roles.IndependentMonitor], ScopeKind.Areas, ["C-GAN"]),
        new("teacher.ganja", "Teacher, Ganja school 12", "Ganja school No. 12", [Roles.Reporter], ScopeKind.Areas, ["C-GAN"]),
        new("police.ganja", "Juvenile police inspector, Ganja", "Ganja City Police Department", [Roles.Reporter], ScopeKind.Areas, ["C-GAN"]),
    ];

    public static async Task EnsureSeededAsync(IServiceProvider sp, int children, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var fromEnv = Environment.GetEnvironmentVariable(PasswordVariable);
        var password = string.IsNullOrEmpty(fromEnv) ? Generate() : fromEnv;
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var d in Users)
        {
            var user = await db.Users.Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.UserName == d.UserName, ct);
            if (user is null)
            {
                user = new AppUser { UserName = d.UserName, DisplayName = d.DisplayName, Agency = d.Agency, ScopeKind = d.Scope, CreatedAt = now };
                user.Roles.AddRange(d.Roles.Select(r => new UserRole { Role = r }));
                user.ScopeAreas.AddRange(d.Areas.Select(a => new UserScopeArea { AdminUnitCode = a }));
                db.Users.Add(user);
            }
            if (hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed || user.PasswordHash.Length == 0)
            {
                user.PasswordHash = hasher.HashPassword(user, password);
                user.SecurityStamp = Guid.NewGuid().ToString("N");
            }
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }
        await db.SaveChangesAsync(ct);
        await DemoServices.EnsureAsync(db, ct);
        await DemoIndicators.EnsureAsync(db, ct);
        await DemoProjects.EnsureAsync(db, await db.Users.Where(u => u.UserName == "analyst").Select(u => u.Id).SingleAsync(ct), ct);
        await DemoInstitutions.EnsureAsync(db, await db.Users.Where(u => u.UserName == "monitor.ganja").Select(u => u.Id).SingleAsync(ct),
            await db.Users.Where(u => u.UserName == "coordinator.ganja").Select(u => u.Id).SingleAsync(ct), ct);

        if (children > 0 && !await db.Children.AnyAsync(ct))
            await DemoPopulation.SeedAsync(sp, children, seed: 20261124, ct);
        if (children > 0) await DemoCases.SeedAsync(sp, ct);
        await DemoCommunity.EnsureAsync(db, await db.Users.Where(u => u.UserName == "worker.ganja").Select(u => u.Id).SingleAsync(ct), ct);

        PrintUsers(password, fromEnv is { Length: > 0 });
    }

    private static void PrintUsers(string password, bool fromEnvironment)
    {
        Console.WriteLine();
        Console.WriteLine("Himaya demo users" + (fromEnvironment ? $" (password from {PasswordVariable}):" : " (password generated for this start):"));
        foreach (var u in Users) Console.WriteLine($"  {u.UserName,-20} {string.Join(',', u.Roles),-22} {u.Scope}{(u.Areas.Length > 0 ? " " + string.Join(',', u.Areas) : "")}");
        Console.WriteLine($"  password: {(fromEnvironment ? "(as set in " + PasswordVariable + ")" : password)}");
        Console.WriteLine();
    }

    private static string Generate()
    {
        // Readable and strong: no look-alike characters.
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Demo-" + RandomNumberGenerator.GetString(alphabet, 12);
    }
}
