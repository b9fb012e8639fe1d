using System.Text.RegularExpressions;
using Himaya.Platform;

namespace Himaya.Tests.Infrastructure;

public sealed partial class LocalisationTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Himaya.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void Azerbaijani_English_and_Russian_have_the_same_keys()
    {
        var en = JsonStringLocalizer.Keys("en").ToHashSet();
        en.Count.ShouldBeGreaterThan(200);
        JsonStringLocalizer.Keys("az").ToHashSet().SetEquals(en).ShouldBeTrue();
        JsonStringLocalizer.Keys("ru").ToHashSet().SetEquals(en).ShouldBeTrue();
    }

    [Fact]
    public void Every_text_lives_in_exactly_one_modules_file_with_all_three_languages()
    {
        JsonStringLocalizer.Files.Count.ShouldBeGreaterThan(1000);
        JsonStringLocalizer.Files.Select(f => f.Value.Distinct().Count()).Distinct().ShouldBe([1]);
        JsonStringLocalizer.Files.Where(f => f.Value.Count > 1).Select(f => $"{f.Key} in {string.Join(", ", f.Value)}").ShouldBeEmpty();
        var incomplete = JsonStringLocalizer.Files.Keys.Where(k => JsonStringLocalizer.Languages.Any(l => string.IsNullOrWhiteSpace(JsonStringLocalizer.Find(l, k))));
        incomplete.ShouldBeEmpty();
        // Every module that has pages or refusals brings its own file.
        JsonStringLocalizer.Files.Values.SelectMany(v => v).Distinct().ShouldBe(
            ["Platform.json", "Audit.json", "Cases.json", "Community.json", "Coverage.json", "Deprivation.json", "Facts.json", "Identity.json", "Institutions.json", "Linkage.json", "Monitoring.json", "Registry.json", "Services.json", "Violence.json"], ignoreOrder: true);
    }

    [Fact]
    public void Every_text_key_a_page_names_literally_exists()
    {
        var src = Path.Combine(RepoRoot(), "src", "Himaya");
        var used = Directory.EnumerateFiles(src, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        used.Count.ShouldBeGreaterThan(100);
        used.Where(k => JsonStringLocalizer.Find("en", k) is null).ShouldBeEmpty();
    }

    [Fact]
    public void Every_enum_value_shown_in_the_interface_has_a_text()
    {
        var enums = typeof(Himaya.Features.Registry.Child).Assembly.GetTypes()
            .Where(t => t.IsEnum && !t.IsNested && t.Namespace == "Himaya.Features.Registry");
        var missing = enums.SelectMany(t => Enum.GetNames(t).Select(n => $"Enum.{t.Name}.{n}")).Where(k => JsonStringLocalizer.Find("az", k) is null);
        missing.ShouldBeEmpty();
    }

    [GeneratedRegex("""[Tt]\["([A-Za-z]+\.[A-Za-z0-9_.\-]+)"\]""")]
    private static partial Regex LiteralKey();
}
