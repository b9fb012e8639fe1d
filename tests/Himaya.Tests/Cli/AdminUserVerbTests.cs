using Himaya.Cli;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Tests.Cli;

public sealed class AdminUserVerbTests
{
    [Fact]
    public async Task A_production_installation_gets_its_first_administrator_from_the_command_line()
    {
        var file = Path.Combine(Path.GetTempPath(), "himaya-admin-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var options = new DatabaseOptions { ConnectionString = $"Data Source={file};Pooling=false" };
        try
        {
            Environment.SetEnvironmentVariable(AdminUserVerb.PasswordVariable, "short");
            (await AdminUserVerb.RunAsync(["admin-user", "--username", "first.admin"], options)).ShouldBe(2);
            Environment.SetEnvironmentVariable(AdminUserVerb.PasswordVariable, "A-long-enough-password");
            (await AdminUserVerb.RunAsync(["admin-user", "--username", "first.admin"], options)).ShouldBe(0);

            await using var db = options.CreateContext(HimayaModules.All);
            var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.UserName == "first.admin");
            user.RoleNames.ShouldBe([Roles.Administrator]);
            user.ScopeKind.ShouldBe(ScopeKind.National);
            new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash, "A-long-enough-password").ShouldNotBe(PasswordVerificationResult.Failed);
            (await new AuditLog(db, TimeProvider.System).VerifyAsync()).Intact.ShouldBeTrue();
            (await db.AuditEntries.CountAsync()).ShouldBe(1);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AdminUserVerb.PasswordVariable, null);
            File.Delete(file);
        }
    }
}
