using Himaya.Platform;
using Himaya.Features.Registry;

namespace Himaya.Tests.Registry;

public sealed class ChildValidatorTests
{
    private static readonly AdminUnits Units = Load();
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static AdminUnits Load()
    {
        var u = new AdminUnits();
        u.Load(AdminUnitLoader.ReadBundled());
        return u;
    }

    private static ChildInput Valid => new()
    {
        GivenName = "Nərmin", Surname = "Əliyeva", Sex = Sex.F, BirthDate = new DateOnly(2015, 3, 1),
        CareArrangement = CareArrangement.Parents, DistrictCode = "C-GAN",
    };

    [Fact]
    public void A_complete_child_passes() => ChildValidator.Validate(Valid, Units, Today, isUpdate: false).IsEmpty.ShouldBeTrue();

    [Fact]
    public void A_child_born_eighteen_years_ago_today_is_not_a_child()
    {
        ChildValidator.Validate(Valid with { BirthDate = new DateOnly(2008, 11, 24) }, Units, Today, false).All.Keys.ShouldBe(["birthDate"]);
        ChildValidator.Validate(Valid with { BirthDate = new DateOnly(2008, 11, 25) }, Units, Today, false).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_birth_tomorrow_is_refused() =>
        ChildValidator.Validate(Valid with { BirthDate = Today.AddDays(1) }, Units, Today, false).All.Keys.ShouldBe(["birthDate"]);

    [Fact]
    public void Missing_required_fields_are_each_named()
    {
        var e = ChildValidator.Validate(new ChildInput(), Units, Today, isUpdate: true);
        e.All.Keys.ShouldBe(["givenName", "surname", "sex", "birthDate", "districtCode", "careArrangement", "version"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("ER-GDA")] // an economic region is not a place a child lives
    [InlineData("C-BAK")]  // Baku city: choose its district
    [InlineData("ZZ-999")]
    public void Only_leaf_districts_are_accepted(string code) =>
        ChildValidator.Validate(Valid with { DistrictCode = code }, Units, Today, false).All.Keys.ShouldBe(["districtCode"]);

    [Fact]
    public void Guardian_errors_name_the_guardian_and_the_field()
    {
        var e = ChildValidator.Validate(Valid with { Guardians = [new GuardianInput("Rəşad Əliyev", null, "abc")] }, Units, Today, false);
        e.All.Keys.ShouldBe(["guardians[0].relationship", "guardians[0].phone"], ignoreOrder: true);
    }
}
