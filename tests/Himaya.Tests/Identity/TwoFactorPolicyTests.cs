using Himaya.Platform;
using Himaya.Features.Demo;
using Himaya.Features.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Himaya.Tests.Identity;

/// <summary>Who needs a second factor: roles that read case data; demo users are exempt only in demo mode and only until they enrol.</summary>
public sealed class TwoFactorPolicyTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Himaya";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    // Needed() reads only the user and the exemptions, which the Demo module lists from the demo setting and the environment.
    private static TwoFactor Policy(bool demo, string environment)
    {
        var services = new ServiceCollection().AddSingleton<IHostEnvironment>(new Env(environment))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new("Demo:Enabled", demo ? "true" : "false")]).Build());
        new DemoModule().AddServices(services, new ConfigurationBuilder().Build());
        var exemptions = services.BuildServiceProvider().GetRequiredService<IOptions<TwoFactorOptions>>();
        return new(null!, null!, null!, exemptions, TimeProvider.System, null!);
    }

    private static AppUser User(string name, params string[] roles) =>
        new() { UserName = name, DisplayName = name, Roles = [.. roles.Select(r => new UserRole { Role = r })] };

    [Fact]
    public void Case_roles_need_it_other_roles_do_not()
    {
        var p = Policy(demo: false, "Production");
        p.Needed(User("a", Roles.SocialWorker)).ShouldBe(SecondFactor.Enrol);
        p.Needed(User("b", Roles.Supervisor)).ShouldBe(SecondFactor.Enrol);
        p.Needed(User("c", Roles.DistrictCoordinator)).ShouldBe(SecondFactor.Enrol);
        p.Needed(User("d", Roles.Administrator)).ShouldBe(SecondFactor.Enrol);
        p.Needed(User("e", Roles.NationalAnalyst)).ShouldBe(SecondFactor.None);
        p.Needed(User("f", Roles.HotlineOperator)).ShouldBe(SecondFactor.None);
        p.Needed(User("g", Roles.Auditor)).ShouldBe(SecondFactor.None);
    }

    [Fact]
    public void Demo_users_are_exempt_in_demo_mode_only_and_until_they_enrol()
    {
        Policy(demo: true, "Development").Needed(User("worker.ganja", Roles.SocialWorker)).ShouldBe(SecondFactor.None);
        Policy(demo: true, "Development").Needed(User("someone.else", Roles.SocialWorker)).ShouldBe(SecondFactor.Enrol);
        // Demo mode is off in Production whatever the setting says; so is the exemption.
        Policy(demo: true, "Production").Needed(User("worker.ganja", Roles.SocialWorker)).ShouldBe(SecondFactor.Enrol);
        Policy(demo: false, "Development").Needed(User("worker.ganja", Roles.SocialWorker)).ShouldBe(SecondFactor.Enrol);
        var enrolled = User("worker.ganja", Roles.SocialWorker);
        enrolled.TwoFactorEnabled = true;
        Policy(demo: true, "Development").Needed(enrolled).ShouldBe(SecondFactor.Code);
        var analyst = User("analyst", Roles.NationalAnalyst);
        analyst.TwoFactorEnabled = true;
        Policy(demo: false, "Production").Needed(analyst).ShouldBe(SecondFactor.Code);
    }
}
