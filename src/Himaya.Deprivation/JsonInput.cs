using System.Text.Json;

namespace Himaya.Deprivation;

/// <summary>JSON that people write by hand (frameworks): trailing commas and comments allowed, a syntax error said with its line and position.</summary>
public static class JsonInput
{
    public static JsonDocument? Parse(string json, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            error = $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})";
            return null;
        }
    }
}
