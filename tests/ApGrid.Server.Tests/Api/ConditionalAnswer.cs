using System.Net.Http.Headers;
using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>What a conditional GET gave back: status, validator, caching instructions and body.</summary>
internal sealed record ConditionalAnswer(int Status, string? ETag, CacheControlHeaderValue? CacheControl, string Body)
{
    /// <summary>Cache-Control says: no shared cache may keep it, and a client must revalidate before each use.</summary>
    public bool PrivateAndRevalidated => CacheControl is { Private: true, NoCache: true };

    /// <summary>The full-time places the answer shows for the setting, from GraphQL's apCapacity or REST's ap-settings.</summary>
    public int PlacesOf(string urn)
    {
        var root = JsonDocument.Parse(Body).RootElement;
        IEnumerable<JsonElement> settings = root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray()
            : root.GetProperty("data").GetProperty("apCapacity").EnumerateArray().Select(m => m.GetProperty("setting"));
        return settings.Single(s => s.GetProperty("urn").GetString() == urn).GetProperty("fullTimePlaces").GetInt32();
    }
}
