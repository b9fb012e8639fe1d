using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Infrastructure;

/// <summary>Every administrative unit reads in the reader's language: Russian screens showed districts in English.</summary>
public sealed class PlaceNamesTests
{
    private static AdminUnits Units()
    {
        var units = new AdminUnits();
        units.Load(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Himaya/Platform/Places/az-admin-units.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => new AdminUnit { Code = f[0], NameAz = f[1], NameEn = f[2], Kind = f[3], ParentCode = f[4].Length == 0 ? null : f[4] }));
        return units;
    }

    [Fact]
    public void Every_unit_of_the_reference_file_has_a_russian_name_in_cyrillic()
    {
        var units = Units();
        units.All.Count.ShouldBeGreaterThan(100);
        var missing = units.All.Where(u => !AdminUnits.RussianNames.ContainsKey(u.Code)).Select(u => u.Code).ToList();
        missing.ShouldBeEmpty();
        AdminUnits.RussianNames.Keys.Except(units.All.Select(u => u.Code)).ShouldBeEmpty("a Russian name for a unit the reference file does not have");
        AdminUnits.RussianNames.Values.Where(n => !n.Any(c => c is >= 'А' and <= 'я')).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("C-GAN", "az", "Gəncə")] [InlineData("C-GAN", "ru", "Гянджа")] [InlineData("C-GAN", "en", "Ganja")]
    [InlineData("R-LAN", "ru", "Ленкоранский район")] [InlineData("NOWHERE", "ru", "NOWHERE")]
    public void A_place_reads_in_the_readers_language(string code, string culture, string name) =>
        Units().DisplayName(code, culture).ShouldBe(name);
}
