using System.Text.Json;
using Himaya.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Himaya.Tests.Infrastructure;

/// <summary>Every enum the app reads from users, through each of the parsers: names in, nothing else.</summary>
public sealed class EnumNamesTests
{
    // Every enum of the app (the linkage test-set generator's internal [Flags] enum is not user input).
    public static TheoryData<Type> AppEnums() => [.. typeof(Himaya.HimayaModules).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic && !t.IsDefined(typeof(FlagsAttribute), false))];

    private static IEnumerable<string> Bad(Type t)
    {
        var names = Enum.GetNames(t);
        yield return $"{names[0]}, {names[^1]}";
        yield return $"{names[0]},{names[^1]}";
        yield return "0";
        yield return "1";
        yield return "-1";
        yield return "NotAMember";
        yield return " " + names[0];
    }

    [Theory, MemberData(nameof(AppEnums))]
    public void The_parser_takes_each_name_and_refuses_lists_numbers_and_unknown_names(Type t)
    {
        var parse = typeof(EnumNames).GetMethod(nameof(EnumNames.TryParse))!.MakeGenericMethod(t);
        foreach (var name in Enum.GetNames(t))
        {
            var args = new object?[] { name, false, null };
            ((bool)parse.Invoke(null, args)!).ShouldBeTrue(name);
            args[2]!.ToString().ShouldBe(name);
        }
        foreach (var bad in Bad(t)) ((bool)parse.Invoke(null, [bad, true, null])!).ShouldBeFalse(bad);
    }

    [Theory, MemberData(nameof(AppEnums))]
    public void Json_reads_names_and_refuses_lists_and_numbers(Type t)
    {
        foreach (var name in Enum.GetNames(t))
            JsonSerializer.Deserialize($"\"{name}\"", t, Json.Options)!.ToString().ShouldBe(name);
        foreach (var bad in Bad(t).Append("1"))
        {
            var json = bad.All(c => char.IsAsciiDigit(c) || c == '-') ? bad : $"\"{bad}\"";
            var ex = Should.Throw<JsonException>(() => JsonSerializer.Deserialize(json, t, Json.Options));
            ex.Message.ShouldStartWith("Must be one of: ");
        }
    }

    [Theory, MemberData(nameof(AppEnums))]
    public void A_form_field_takes_names_only(Type t)
    {
        var read = typeof(FormReader).GetMethod(nameof(FormReader.Enum))!.MakeGenericMethod(t);
        foreach (var bad in Bad(t))
        {
            var errors = new FieldErrors();
            var form = new FormReader(new FormCollection(new Dictionary<string, StringValues> { ["f"] = bad }), errors);
            read.Invoke(form, ["f"]).ShouldBeNull(bad);
            errors.All.Keys.ShouldBe(["f"]);
        }
    }

    [Fact]
    public void A_dictionary_key_is_a_name_too()
    {
        var t = typeof(Dictionary<Himaya.Features.Registry.FunctioningDomain, Himaya.Features.Registry.Difficulty>);
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize("{\"Seeing, Hearing\":\"ALot\"}", t, Json.Options));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize("{\"1\":\"ALot\"}", t, Json.Options));
        JsonSerializer.Serialize(JsonSerializer.Deserialize("{\"seeing\":\"ALot\"}", t, Json.Options), Json.Options).ShouldBe("{\"Seeing\":\"ALot\"}");
    }
}
