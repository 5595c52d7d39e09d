using System.Text.Json;

namespace Agency.Domain.Intake;

internal static class JsonPayload
{
    /// <summary>Parses a delivery body that must be one JSON object; anything else is a <see cref="PayloadException"/>.</summary>
    public static JsonDocument OpenObject(ReadOnlySpan<byte> body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new PayloadException($"The body is not valid JSON: {ex.Message}");
        }
        if (doc.RootElement.ValueKind == JsonValueKind.Object)
            return doc;
        doc.Dispose();
        throw new PayloadException("The body is not a JSON object.");
    }
}
