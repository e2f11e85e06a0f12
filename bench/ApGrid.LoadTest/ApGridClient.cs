using System.Runtime.CompilerServices;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ApGrid.LoadTest;

/// <summary>A plain HTTP client of ApGrid's public API: dev tokens, GraphQL over HTTP and REST GETs.</summary>
internal sealed class ApGridClient(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress!;

    public async Task<string> DevTokenAsync(string tenant, string role, string? urn = null)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/dev/token", UriKind.Relative), new { tenant, role, urn });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <returns>The data, or null when the request failed or answered with errors.</returns>
    public async Task<JsonElement?> GraphQLAsync(string token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return null;
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            return body.RootElement.TryGetProperty("errors", out _) ? null : body.RootElement.GetProperty("data").Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// For timed loops: the body serialised once by <see cref="Body"/>, and the answer read whole but
    /// checked for errors without building a document, so the harness spends on a request about what
    /// the floor's fixed GET costs it rather than parsing every answer.
    /// </summary>
    public async Task<bool> GraphQLOkAsync(string token, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonMediaType;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode && HasDataAndNoErrors(await response.Content.ReadAsByteArrayAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public static byte[] Body(string query, object? variables = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables }, LeaveOutNulls);

    private static readonly JsonSerializerOptions LeaveOutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>
    /// Reads only the answer's first member. The GraphQL spec asks servers to put <c>errors</c> first
    /// when there are any, and graphql-dotnet always does, so an answer that opens with <c>data</c>
    /// has none; tokenising the whole of a 27-setting answer cost the harness more than the cached
    /// answer cost the server.
    /// </summary>
    private static bool HasDataAndNoErrors(byte[] answer)
    {
        try
        {
            var reader = new Utf8JsonReader(answer);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("data"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    public async Task<bool> GetOkAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// A GET sent as a dashboard that keeps its answers sends it: with the ETag of the answer it
    /// holds in If-None-Match. A 304 and a 200 both count as served; a 200 brings the new ETag.
    /// </summary>
    public async Task<bool> RevalidateOkAsync(string path, string token, StrongBox<string?> etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (etag.Value is { } held) request.Headers.TryAddWithoutValidation("If-None-Match", held);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode == System.Net.HttpStatusCode.NotModified) return true;
            if (response.Headers.ETag is { } fresh) etag.Value = fresh.ToString();
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <returns>The parsed body of a GET without credentials, or null when it failed.</returns>
    public async Task<JsonElement?> GetJsonAsync(string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            if (!response.IsSuccessStatusCode) return null;
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            return body.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    public static ApGridClient For(Uri baseAddress) => new(new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    });
}
