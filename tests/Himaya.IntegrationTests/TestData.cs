using System.Net.Http.Json;
using System.Text.Json;

namespace Himaya.IntegrationTests;

internal static class TestData
{
    private static int _counter;

    /// <summary>A valid child for Ganja with a unique, searchable surname per call (the duplicate-submission check would otherwise fire).</summary>
    public static Dictionary<string, object?> Child(string district = "C-GAN", string? surname = null, string? givenName = null)
    {
        var n = Interlocked.Increment(ref _counter);
        return new()
        {
            ["givenName"] = givenName ?? "Elvin",
            ["surname"] = surname ?? "Məmmədov",
            ["patronymic"] = "Rəşad oğlu",
            ["sex"] = "M",
            ["birthDate"] = DateTime.UtcNow.AddYears(-7).AddDays(-n).ToString("yyyy-MM-dd"),
            ["careArrangement"] = "Parents",
            ["districtCode"] = district,
            ["displacement"] = "Idp",
            ["enrolment"] = "School",
            ["functioning"] = new Dictionary<string, string> { ["Seeing"] = "ALot" },
        };
    }

    public static async Task<JsonElement> CreateChildAsync(HttpClient client, Dictionary<string, object?> child)
    {
        var res = await client.PostAsJsonAsync("/api/v1/children", child);
        var body = await res.Content.ReadAsStringAsync();
        if ((int)res.StatusCode != 201) throw new InvalidOperationException($"Create failed: {(int)res.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage res) =>
        JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string[] ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var e) ? [.. e.EnumerateObject().Select(p => p.Name)] : [];

    /// <summary>The codes of a field's errors in a 400 (ProblemDetails <c>codes</c>).</summary>
    public static string[] CodesOf(this JsonElement problem, string field) =>
        problem.TryGetProperty("codes", out var c) && c.TryGetProperty(field, out var f) ? [.. f.EnumerateArray().Select(x => x.GetString()!)] : [];

    /// <summary>The English texts of a field's errors, as the API sends them.</summary>
    public static string[] ErrorsOf(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var e) && e.TryGetProperty(field, out var f) ? [.. f.EnumerateArray().Select(x => x.GetString()!)] : [];

    /// <summary>The code of a 409's refusal (ProblemDetails <c>code</c>).</summary>
    public static string? Code(this JsonElement problem) => problem.TryGetProperty("code", out var c) ? c.GetString() : null;
}
