using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Himaya.Platform;
using Himaya.Features.Identity;
using Shouldly;

namespace Himaya.IntegrationTests;

public sealed class TwoFactorOnSqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;
public sealed class TwoFactorOnPostgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;

/// <summary>Two-factor sign-in through the API, with codes computed from the secret as an authenticator app does.</summary>
public abstract class TwoFactorTests(HimayaApp app)
{
    [Fact]
    public async Task A_case_role_must_enrol_then_signs_in_with_a_code_once_or_a_recovery_code_once_and_an_administrator_can_reset_it()
    {
        var admin = await app.ClientForAsync("admin");
        var name = "supervisor." + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Two-factor test", roles = new[] { "Supervisor" }, scopeKind = "Areas", scopeAreas = new[] { "C-GAN" }, password = HimayaApp.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var taken = await (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Again", roles = new[] { "Wizard" }, scopeKind = "Areas", scopeAreas = new[] { "C-GAN" }, password = "short" })).JsonAsync();
        taken.CodesOf("roles").ShouldBe(["user.unknown-role"]);
        taken.ErrorsOf("roles").Single().ShouldStartWith("Unknown role 'Wizard'. Known: Administrator, ");
        taken.CodesOf("password").ShouldBe(["user.password-length"]);
        taken.ErrorsOf("password").ShouldBe(["Password must be 10–128 characters."]);
        var again = await (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Again", roles = new[] { "Supervisor" }, scopeKind = "Caseload", password = HimayaApp.Password })).JsonAsync();
        again.CodesOf("userName").ShouldBe(["user.username-taken"]);
        using var anon = app.CreateClient();

        // Not a demo user: the password alone is not enough, enrolment comes first.
        var first = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password });
        first.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await first.JsonAsync()).GetProperty("enrolmentRequired").GetBoolean().ShouldBeTrue();
        (await anon.PostAsJsonAsync("/api/v1/auth/two-factor/enrol", new { username = name, password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var enrolment = await (await anon.PostAsJsonAsync("/api/v1/auth/two-factor/enrol", new { username = name, password = HimayaApp.Password })).JsonAsync();
        enrolment.GetProperty("otpauthUri").GetString()!.ShouldStartWith("otpauth://totp/Himaya:");
        var secret = Totp.FromBase32(enrolment.GetProperty("secret").GetString()!);
        var token = enrolment.GetProperty("enrolmentToken").GetString();
        var wrong = await anon.PostAsJsonAsync("/api/v1/auth/two-factor/confirm", new { enrolmentToken = token, code = Other(Totp.Code(secret, DateTimeOffset.UtcNow)) });
        var mismatch = await wrong.JsonAsync();
        mismatch.ErrorFields().ShouldBe(["code"]);
        mismatch.CodesOf("code").ShouldBe(["two-factor.code-mismatch"]);
        mismatch.ErrorsOf("code").ShouldBe(["The code does not match: check the time on your phone and try the next code."]);
        var confirmed = await anon.PostAsJsonAsync("/api/v1/auth/two-factor/confirm", new { enrolmentToken = token, code = Totp.Code(secret, DateTimeOffset.UtcNow) });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var recovery = (await confirmed.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        recovery.Count.ShouldBe(10);
        recovery.Distinct().Count().ShouldBe(10);
        // The enrolment token is spent.
        (await anon.PostAsJsonAsync("/api/v1/auth/two-factor/confirm", new { enrolmentToken = token, code = Totp.Code(secret, DateTimeOffset.UtcNow) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var enrolled = await anon.PostAsJsonAsync("/api/v1/auth/two-factor/enrol", new { username = name, password = HimayaApp.Password });
        enrolled.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var already = await enrolled.JsonAsync();
        already.Code().ShouldBe("two-factor.already-enrolled");
        already.GetProperty("title").GetString().ShouldBe("Two-factor sign-in is already set up for this user; an administrator can reset it.");

        var noCode = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password });
        noCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await noCode.JsonAsync()).GetProperty("twoFactorRequired").GetBoolean().ShouldBeTrue();
        var next = Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(30));
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password, code = Other(next) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var signedIn = await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password, code = next });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        var bearer = (await signedIn.JsonAsync()).GetProperty("accessToken").GetString();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The same code again is refused (replay), a recovery code works once.
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password, code = next })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password, code = recovery[3].ToUpperInvariant() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password, code = recovery[3] })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Lost phone: the administrator resets; the old session ends and enrolment is asked again.
        int id;
        using (var db = app.NewDbContext()) id = db.Users.Single(u => u.UserName == name).Id;
        (await admin.PostAsync($"/api/v1/users/{id}/two-factor/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var nothing = await admin.PostAsync($"/api/v1/users/{id}/two-factor/reset", null);
        nothing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await nothing.JsonAsync()).Code().ShouldBe("two-factor.nothing-to-reset");
        (await (await app.ClientForAsync("supervisor.ganja")).PostAsync($"/api/v1/users/{id}/two-factor/reset", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var check = app.NewDbContext();
        var trail = check.AuditEntries.Where(a => a.UserName == name || a.EntityId == id.ToString()).Select(a => a.Action + ":" + a.Detail).ToList();
        trail.ShouldContain("two-factor-enrol:");
        trail.ShouldContain("sign-in:with an authenticator code");
        trail.ShouldContain("sign-in:with a recovery code");
        trail.ShouldContain("sign-in-failed:wrong code");
        trail.ShouldContain("two-factor-reset:");
        check.Users.Single(u => u.UserName == name).TotpSecret.ShouldBeNull();
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var admin = await app.ClientForAsync("admin");
        var name = "worker." + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "Lockout test", roles = new[] { "SocialWorker" }, scopeKind = "Areas", scopeAreas = new[] { "C-GAN" }, password = HimayaApp.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await app.ClientForEnrolledAsync(name, HimayaApp.Password);
        using var anon = app.CreateClient();
        for (var i = 0; i < SignInService.MaxFailedAttempts - 1; i++)
            (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password, code = "000000" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anon.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password = HimayaApp.Password, code = "000000" })).StatusCode.ShouldBe((HttpStatusCode)423);
    }

    /// <summary>A six-digit code that is not this one.</summary>
    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
