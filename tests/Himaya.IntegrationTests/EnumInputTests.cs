using Himaya.Features.Cases;
using Himaya.Features.Registry;
using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Himaya.Features.Demo;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.IntegrationTests;

public sealed class EnumInputOnSqlite(SqliteApp app) : EnumInputTests(app), IClassFixture<SqliteApp>;
public sealed class EnumInputOnPostgres(PostgresApp app) : EnumInputTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Enum values come only as one defined member's name. Generated from the app's own endpoint metadata: every enum
/// field of every declared JSON body (nested records, lists, dictionary keys and values) is sent a list of two members
/// ("Kinship, Foster", which Enum.Parse ORs into another member), a number, a digit string and an unknown name. Each
/// must be a 400 naming the field, and nothing may be stored.
/// </summary>
public abstract class EnumInputTests(HimayaApp app)
{
    private static readonly string[] BadValues = ["\"{0}, {1}\"", "1", "\"1\"", "\"NotAMember\""];

    [Fact]
    public async Task Every_enum_field_of_every_json_body_refuses_lists_numbers_and_unknown_names()
    {
        using (var db = app.NewDbContext()) _ = db.Children.Count(); // the app is up before counting
        var before = Counts();
        var failures = new List<string>();
        var slots = 0;
        foreach (var endpoint in BodyEndpoints())
        {
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()!.RequestType!;
            var client = await app.ClientAllowedAsync(endpoint);
            var url = Url(endpoint.RoutePattern.RawText!);
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0];
            foreach (var slot in Slots(body, depth: 0))
            {
                slots++;
                foreach (var pattern in BadValues)
                {
                    if (slot.IsKey && !pattern.StartsWith('"')) continue; // a JSON key is always a string
                    var names = Enum.GetNames(slot.EnumType);
                    var bad = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, names[0], names[^1]);
                    var json = slot.Build(bad).ToJsonString();
                    var res = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
                    var text = await res.Content.ReadAsStringAsync();
                    if (res.StatusCode != HttpStatusCode.BadRequest)
                    {
                        failures.Add($"{method} {endpoint.RoutePattern.RawText} {json}: {(int)res.StatusCode}, expected 400");
                        continue;
                    }
                    var fields = JsonDocument.Parse(text).RootElement.ErrorFields();
                    if (!fields.Any(f => f.StartsWith(slot.Top, StringComparison.OrdinalIgnoreCase)))
                        failures.Add($"{method} {endpoint.RoutePattern.RawText} {json}: errors name {string.Join(",", fields)}, expected {slot.Top}");
                }
            }
        }
        failures.ShouldBeEmpty();
        // The generator must have found the fields that broke lists before: it cannot pass by finding nothing.
        slots.ShouldBeGreaterThan(20);
        Counts().ShouldBe(before);
    }

    [Theory]
    [InlineData("/api/v1/children?care=Kinship,Foster", "care")]
    [InlineData("/api/v1/children?care=ResidentialInstitution, Detention", "care")]
    [InlineData("/api/v1/children?sex=1", "sex")]
    [InlineData("/api/v1/cases?stage=CasePlan, Closed", "stage")]
    [InlineData("/api/v1/cases?stage=2", "stage")]
    [InlineData("/api/v1/referrals/sent?status=Sent,Accepted", "status")]
    [InlineData("/api/v1/outreach-tasks?status=Open,Done", "status")]
    public async Task Enum_query_filters_refuse_lists_and_numbers(string url, string field)
    {
        var client = await app.ClientForAsync("admin");
        var res = await client.GetAsync(new Uri(url, UriKind.Relative));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.JsonAsync()).ErrorFields().ShouldContain(field);
    }

    [Fact]
    public async Task A_combined_care_arrangement_is_refused_and_the_district_lists_keep_working()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var child = TestData.Child(surname: "Birləşikov");
        child["careArrangement"] = "ResidentialInstitution, Detention";
        var res = await worker.PostAsync("/api/v1/children", new StringContent(JsonSerializer.Serialize(child), Encoding.UTF8, "application/json"));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.JsonAsync()).ErrorFields().ShouldBe(["careArrangement"]);
        child["careArrangement"] = "Kinship, Foster";
        (await worker.PostAsync("/api/v1/children", new StringContent(JsonSerializer.Serialize(child), Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await worker.GetAsync("/api/v1/children?q=Birləşikov")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);
        (await worker.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await worker.GetAsync("/api/v1/children?district=C-GAN")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_undefined_enum_value_is_never_saved_whatever_path_it_came_by()
    {
        var worker = await app.ClientForAsync("worker.ganja");
        var id = (await TestData.CreateChildAsync(worker, TestData.Child(surname: "Saxlanmazov"))).GetProperty("id").GetGuid();
        using (var db = app.NewDbContext())
        {
            var child = db.Children.Single(c => c.Id == id);
            child.CareArrangement = Himaya.Features.Registry.CareArrangement.Kinship | Himaya.Features.Registry.CareArrangement.Foster | Himaya.Features.Registry.CareArrangement.Detention;
            Should.Throw<InvalidOperationException>(() => db.SaveChanges()).Message.ShouldContain("CareArrangement");
        }
        (await (await worker.GetAsync($"/api/v1/children/{id}")).JsonAsync()).GetProperty("careArrangement").GetString().ShouldBe("Parents");
    }

    private (int, int, int, int) Counts()
    {
        using var db = app.NewDbContext();
        return (db.Children.Count(), db.Cases.Count(), db.Households.Count(), db.Users.Count());
    }

    private IReadOnlyList<RouteEndpoint> BodyEndpoints()
    {
        var all = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null).ToList();
        all.Count.ShouldBeGreaterThan(30);
        return all;
    }

    private static string Url(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:(\w+))?\}", m => m.Groups[3].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" or "long" => "1",
            _ => m.Groups[1].Value == "step" ? "legal-aid" : m.Groups[1].Value,
        });

    private sealed record Slot(string Top, Type EnumType, bool IsKey, Func<string, JsonNode> Build);

    /// <summary>Every place in <paramref name="type"/>'s JSON where an enum is read, with a builder of a body holding a raw value there.</summary>
    private static IEnumerable<Slot> Slots(Type type, int depth)
    {
        if (depth > 3) yield break;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsPositional(type, p)))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            foreach (var inner in Inner(p.PropertyType, depth))
                yield return new Slot(name, inner.EnumType, inner.IsKey, raw => new JsonObject { [name] = inner.Build(raw) });
        }
    }

    private static bool IsPositional(Type type, PropertyInfo p) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<Slot> Inner(Type t, int depth)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsEnum)
        {
            yield return new Slot("", t, false, raw => JsonNode.Parse(raw)!);
            yield break;
        }
        if (t == typeof(string) || t.IsPrimitive || t.Namespace?.StartsWith("Himaya", StringComparison.Ordinal) != true && !typeof(IEnumerable).IsAssignableFrom(t)) yield break;
        var dict = t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dict is not null)
        {
            var (k, v) = (dict.GetGenericArguments()[0], dict.GetGenericArguments()[1]);
            var validKey = k.IsEnum ? Enum.GetNames(k)[0] : "x";
            if (k.IsEnum) yield return new Slot("", k, true, raw => new JsonObject { [JsonSerializer.Deserialize<string>(raw)!] = ValidValue(v) });
            foreach (var inner in Inner(v, depth + 1))
                yield return inner with { Build = raw => new JsonObject { [validKey] = inner.Build(raw) } };
            yield break;
        }
        var list = t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (list is not null)
        {
            foreach (var inner in Inner(list.GetGenericArguments()[0], depth + 1))
                yield return inner with { Build = raw => new JsonArray(inner.Build(raw)) };
            yield break;
        }
        foreach (var slot in Slots(t, depth + 1)) yield return slot;
    }

    private static JsonNode? ValidValue(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsEnum ? JsonValue.Create(Enum.GetNames(t)[0]) : null;
    }
}
