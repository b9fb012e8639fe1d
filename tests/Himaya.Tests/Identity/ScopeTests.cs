using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;

namespace Himaya.Tests.Identity;

public sealed class ScopeTests
{
    private static readonly AdminUnits Units = Load();

    private static AdminUnits Load()
    {
        var units = new AdminUnits();
        units.Load(AdminUnitLoader.ReadBundled());
        return units;
    }

    private static CurrentUser User(ScopeKind kind, string[] roles, params string[] areas)
    {
        var user = new AppUser { Id = 7, UserName = "u", DisplayName = "u", ScopeKind = kind };
        user.Roles.AddRange(roles.Select(r => new UserRole { Role = r }));
        user.ScopeAreas.AddRange(areas.Select(a => new UserScopeArea { AdminUnitCode = a }));
        return CurrentUserAccessor.Build(user, Units, null);
    }

    private static Child Child(string district, int createdBy = 1, int? assigned = null, bool deleted = false) => new()
    {
        GivenName = "A", Surname = "B", DistrictCode = district, CreatedById = createdBy, AssignedWorkerId = assigned,
        DeletedAt = deleted ? DateTime.UtcNow : null, Id = Guid.NewGuid(),
    };

    private static readonly Child InGanja = Child("C-GAN");
    private static readonly Child InShirvan = Child("C-SIR");
    private static readonly Child InKhatai = Child("BAK-XAT");
    private static readonly Child MineInShirvan = Child("C-SIR", createdBy: 7);
    private static readonly Child AssignedToMe = Child("BAK-XAT", assigned: 7);
    private static readonly Child Archived = Child("C-GAN", deleted: true);
    private static readonly Child[] All = [InGanja, InShirvan, InKhatai, MineInShirvan, AssignedToMe, Archived];

    [Fact]
    public void A_national_worker_sees_every_live_record_but_not_archived_ones()
    {
        All.AsQueryable().VisibleTo(User(ScopeKind.National, [Roles.SocialWorker])).ShouldBe([InGanja, InShirvan, InKhatai, MineInShirvan, AssignedToMe], ignoreOrder: true);
    }

    [Fact]
    public void An_area_scope_covers_the_area_and_everything_below_it()
    {
        All.AsQueryable().VisibleTo(User(ScopeKind.Areas, [Roles.SocialWorker], "C-GAN")).ShouldBe([InGanja]);
        // Ganja-Dashkasan economic region contains Ganja city; Baku city contains Khatai.
        All.AsQueryable().VisibleTo(User(ScopeKind.Areas, [Roles.Supervisor], "ER-GDA", "C-BAK")).ShouldBe([InGanja, InKhatai, AssignedToMe], ignoreOrder: true);
    }

    [Fact]
    public void A_caseload_scope_covers_only_records_assigned_to_the_user()
    {
        // Registering a child assigns it to a caseload user; once reassigned, it leaves their caseload.
        All.AsQueryable().VisibleTo(User(ScopeKind.Caseload, [Roles.ServiceProvider])).ShouldBe([AssignedToMe]);
    }

    [Theory]
    [InlineData(Roles.NationalAnalyst)]
    [InlineData(Roles.Auditor)]
    public void Roles_without_personal_data_access_see_no_records_even_with_national_scope(string role)
    {
        All.AsQueryable().VisibleTo(User(ScopeKind.National, [role])).ShouldBeEmpty();
    }

    [Fact]
    public void Counts_follow_the_area_scope_without_needing_personal_data_access()
    {
        All.AsQueryable().CountableBy(User(ScopeKind.Areas, [Roles.NationalAnalyst], "C-SIR")).Count().ShouldBe(2);
    }

    [Fact]
    public void Writing_is_limited_to_districts_in_scope_and_to_roles_that_write()
    {
        var ganja = User(ScopeKind.Areas, [Roles.SocialWorker], "C-GAN");
        RegistryScope.MayWriteIn(ganja, "C-GAN").ShouldBeTrue();
        RegistryScope.MayWriteIn(ganja, "C-SIR").ShouldBeFalse();
        RegistryScope.MayWriteIn(User(ScopeKind.National, [Roles.Auditor]), "C-GAN").ShouldBeFalse();
        RegistryScope.MayWriteIn(User(ScopeKind.National, [Roles.HotlineOperator]), "C-SIR").ShouldBeTrue();
    }

    [Fact]
    public void Economic_regions_and_Baku_city_are_not_districts_a_child_can_live_in()
    {
        Units.IsDistrict("ER-GDA").ShouldBeFalse();
        Units.IsDistrict("C-BAK").ShouldBeFalse();
        Units.IsDistrict("BAK-XAT").ShouldBeTrue();
        Units.IsDistrict("C-GAN").ShouldBeTrue();
        Units.Districts.Count().ShouldBe(66 + 10 + 12);
    }
}
