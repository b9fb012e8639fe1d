using Himaya.Features.Registry;
using Himaya.Features.Services;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Services;

/// <summary>Whom a service takes (the rule on the entity), where a point lies, and what a service must hold.</summary>
public sealed class ServiceRulesTests
{
    private static readonly DistrictBoundaries Boundaries = new();

    private static Service Make(Action<Service>? change = null)
    {
        var s = new Service { Name = "S", Agency = "A", MinAge = 3, MaxAge = 12, Districts = [new ServiceDistrict { DistrictCode = "C-GAN" }] };
        change?.Invoke(s);
        return s;
    }

    [Theory]
    [InlineData(2, Ineligible.Age)]
    [InlineData(13, Ineligible.Age)]
    [InlineData(3, null)]
    [InlineData(12, null)]
    public void Ages_are_inclusive(int age, Ineligible? expected) => Make().Ineligibility(age, Sex.F, false, inDistrict: true).ShouldBe(expected);

    [Fact]
    public void Sex_disability_district_and_status_each_refuse()
    {
        Make(s => s.Sex = SexEligibility.Girls).Ineligibility(5, Sex.M, false, true).ShouldBe(Ineligible.Sex);
        Make(s => s.Sex = SexEligibility.Girls).Ineligibility(5, Sex.F, false, true).ShouldBeNull();
        Make(s => s.Sex = SexEligibility.Boys).Ineligibility(5, Sex.F, false, true).ShouldBe(Ineligible.Sex);
        Make(s => s.Sex = SexEligibility.Boys).Ineligibility(5, null, false, true).ShouldBeNull();
        Make(s => s.DisabilityOnly = true).Ineligibility(5, Sex.F, false, true).ShouldBe(Ineligible.Disability);
        Make(s => s.DisabilityOnly = true).Ineligibility(5, Sex.F, true, true).ShouldBeNull();
        Make().Ineligibility(5, Sex.F, false, inDistrict: false).ShouldBe(Ineligible.District);
        Make(s => s.Nationwide = true).Ineligibility(5, Sex.F, false, inDistrict: false).ShouldBeNull();
        Make(s => s.Status = ServiceStatus.Pending).Ineligibility(5, Sex.F, false, true).ShouldBe(Ineligible.Closed);
        Make(s => s.Status = ServiceStatus.Closed).Ineligibility(5, Sex.F, false, true).ShouldBe(Ineligible.Closed);
    }

    [Theory]
    [InlineData(40.6828, 46.3606, "C-GAN")] // Ganja
    [InlineData(39.9381, 48.9206, "C-SIR")] // Shirvan
    [InlineData(40.4093, 49.8671, "C-BAK")] // Baku: one feature for the city
    [InlineData(39.2089, 45.4122, "C-NAX")] // Nakhchivan, across Armenia
    [InlineData(51.5072, -0.1276, null)] // London
    [InlineData(38.30, 48.50, null)] // Iran, inside Azerbaijan's bounding box
    [InlineData(41.7151, 44.8271, null)] // Tbilisi
    [InlineData(40.30, 50.30, null)] // the Caspian Sea east of Baku
    public void A_point_is_placed_in_its_district_or_outside_the_country(double lat, double lon, string? district) =>
        Boundaries.DistrictAt(lat, lon).ShouldBe(district);

    [Fact]
    public void The_boundaries_are_the_bundled_file_with_all_its_districts()
    {
        var text = System.Text.Encoding.UTF8.GetString(Boundaries.GeoJson);
        text.ShouldStartWith("{");
        System.Text.Json.JsonDocument.Parse(Boundaries.GeoJson).RootElement.GetProperty("features").GetArrayLength().ShouldBe(79);
    }

    [Fact]
    public void A_provider_is_accredited_only_until_its_accreditation_expires()
    {
        var p = new Provider { Name = "P", Accreditation = AccreditationStatus.Accredited, AccreditationExpiresOn = new DateOnly(2026, 12, 31) };
        p.IsAccreditedOn(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        p.IsAccreditedOn(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        new Provider { Name = "Q", Accreditation = AccreditationStatus.Applied }.IsAccreditedOn(new DateOnly(2026, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void A_service_input_is_checked_field_by_field()
    {
        var units = new AdminUnits();
        units.Load(AdminUnitLoader.ReadBundled());
        var ok = new ServiceInput(1, "S", ["mhpss"], ["C-GAN"], null, null, 40.6828, 46.3606, 0, 17, null, null, "+994 22 000", 10, 2, null, ["az"], null, null);
        ServiceValidation.Service(ok, units, Boundaries).IsEmpty.ShouldBeTrue();
        var e = ServiceValidation.Service(ok with { Latitude = 40.0, Longitude = null, AgeMin = -1, Capacity = 1, FreePlaces = 2, Languages = ["xx"], Districts = [] }, units, Boundaries);
        e.All.Keys.ShouldBe(["longitude", "ageMin", "freePlaces", "languages", "districts"], ignoreOrder: true);
        ServiceValidation.Service(ok with { Districts = [], Nationwide = true }, units, Boundaries).IsEmpty.ShouldBeTrue();
    }
}
