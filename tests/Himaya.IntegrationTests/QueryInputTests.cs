using System.Net;
using System.Reflection;
using System.Text.Json;
using Himaya.Features.Demo;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Himaya.IntegrationTests;

public sealed class QueryInputOnSqlite(SqliteApp app) : QueryInputTests(app), IClassFixture<SqliteApp>;
public sealed class QueryInputOnPostgres(PostgresApp app) : QueryInputTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// One query parser: every query parameter of every API endpoint, read from the handlers themselves, is sent a value
/// no parser takes. The answer is the list (the parameter is free text), a 404, or a 400 whose errors name that
/// parameter — never an empty 400 from the framework's binding, never a 500.
/// </summary>
public abstract class QueryInputTests(HimayaApp app)
{
    [Fact]
    public async Task A_bad_query_value_is_a_field_error_naming_its_parameter_on_every_endpoint()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                && e.Metadata.GetMetadata<MethodInfo>() is not null).ToList();
        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var query = endpoint.Metadata.GetMetadata<MethodInfo>()!.GetParameters()
                .Where(p => p.GetCustomAttribute<FromQueryAttribute>() is not null && !route.Contains(p.Name!)).Select(p => p.Name!).ToList();
            if (query.Count == 0) continue;
            var client = await app.ClientAllowedAsync(endpoint);
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, @"\{(\w+)(:(\w+))?\}",
                m => m.Groups[3].Value switch { "guid" => Guid.NewGuid().ToString(), "int" or "long" => "1", _ => "x" });
            foreach (var name in query)
            {
                sent++;
                var res = await client.GetAsync($"{path}?{name}=%40%40not-a-value%40%40");
                var status = (int)res.StatusCode;
                if (status is 200 or 404) continue;
                var body = await res.Content.ReadAsStringAsync();
                if (status != 400) { failures.Add($"{endpoint.RoutePattern.RawText}?{name}: {status}"); continue; }
                string[] fields;
                try { fields = JsonDocument.Parse(body).RootElement.ErrorFields(); }
                catch (JsonException) { fields = []; }
                if (!fields.Contains(name, StringComparer.Ordinal))
                    failures.Add($"{endpoint.RoutePattern.RawText}?{name}: 400 naming [{string.Join(",", fields)}]");
            }
        }
        failures.ShouldBeEmpty();
        sent.ShouldBeGreaterThan(30);
    }

}
