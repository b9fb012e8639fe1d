using System.Reflection;
using Himaya.Platform;

namespace Himaya.Tests.Infrastructure;

/// <summary>
/// Every coded refusal of the app (the static methods of each feature's XErrors class) has its text in az, en and ru,
/// with the same arguments, and the English one is what the API sends.
/// </summary>
public sealed class RefusalTextsTests
{
    public static TheoryData<string> Refusals() => [.. All().Select(r => r.Method)];

    private static IEnumerable<(string Method, Refusal Refusal)> All() =>
        typeof(Himaya.HimayaModules).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Refusal))
                .Select(m => ($"{t.Name}.{m.Name}", (Refusal)m.Invoke(null, [.. m.GetParameters().Select(p => Sample(p.ParameterType))])!)));

    private static object? Sample(Type t) => t.IsEnum ? Enum.GetValues(t).GetValue(0) : t == typeof(int) ? 7 : t == typeof(string) ? "X" : null;

    [Fact]
    public void The_case_refusals_are_found()
    {
        All().Count(r => r.Method.StartsWith("CaseErrors.", StringComparison.Ordinal)).ShouldBeGreaterThan(20);
        All().Select(r => r.Refusal.Code).ShouldBeUnique();
    }

    [Theory, MemberData(nameof(Refusals))]
    public void A_refusal_has_its_text_in_every_language_with_every_argument(string method)
    {
        var refusal = All().Single(r => r.Method == method).Refusal;
        // With an API text of its own, the page texts may leave out what only the API names (enum members, say).
        var api = JsonStringLocalizer.Find(JsonStringLocalizer.Api, Refusal.TextPrefix + refusal.Code);
        foreach (var lang in new[] { "az", "en", "ru" })
        {
            var text = JsonStringLocalizer.Find(lang, Refusal.TextPrefix + refusal.Code);
            text.ShouldNotBeNull($"{lang}: {Refusal.TextPrefix}{refusal.Code}");
            if (api is null)
                for (var i = 0; i < refusal.Args.Count; i++) text.ShouldContain("{" + i + "}", customMessage: $"{lang}: argument {i}");
            if (lang != "en") text.ShouldNotBe(JsonStringLocalizer.Find("en", Refusal.TextPrefix + refusal.Code), $"{lang} is English");
        }
        for (var i = 0; i < refusal.Args.Count && api is not null; i++) api.ShouldContain("{" + i + "}", customMessage: $"api: argument {i}");
        refusal.Message.ShouldNotContain("{");
    }
}
