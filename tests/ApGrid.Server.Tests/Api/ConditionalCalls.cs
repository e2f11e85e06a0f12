using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>GETs with and without If-None-Match, and a capacity change, as any HTTP client sends them.</summary>
internal static class ConditionalCalls
{
    public const string CapacityQuery = "{ apCapacity { setting { urn fullTimePlaces sessions { session free } } } }";

    public static Task<ConditionalAnswer> GraphQLGetAsync(this HttpClient http, string token, string query, string? ifNoneMatch = null, object? variables = null)
    {
        var path = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        return http.ConditionalGetAsync(token, path, ifNoneMatch);
    }

    public static async Task<ConditionalAnswer> ConditionalGetAsync(this HttpClient http, string token, string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await http.SendAsync(request);
        return new ConditionalAnswer(
            (int)response.StatusCode,
            response.Headers.ETag?.ToString(),
            response.Headers.CacheControl,
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>Offers one more full-time place at the setting, through REST; returns the places it now offers.</summary>
    public static async Task<int> AddFullTimePlaceAsync(this HttpClient http, string token, string urn)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ap-settings/{urn}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var current = await http.SendAsync(read);
        current.EnsureSuccessStatusCode();
        var setting = await current.Content.ReadFromJsonAsync<JsonElement>();
        var places = setting.GetProperty("fullTimePlaces").GetInt32() + 1;
        var body = JsonSerializer.Serialize(new
        {
            fullTimePlaces = places,
            sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }),
            outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
        });
        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/ap-settings/{urn}/availability") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        change.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var changed = await http.SendAsync(change);
        changed.EnsureSuccessStatusCode();
        return places;
    }
}
