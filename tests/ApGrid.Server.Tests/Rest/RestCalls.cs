using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>Plain HTTP calls to /api/v1 with a bearer token, as any partner's client would make them.</summary>
internal static class RestCalls
{
    public static Task<RestResponse> GetAsync(this RunningServerFixture server, string? token, string path) =>
        server.Http.SendRestAsync(HttpMethod.Get, token, path, null);

    public static Task<RestResponse> PutAsync(this RunningServerFixture server, string? token, string path, string json) =>
        server.Http.SendRestAsync(HttpMethod.Put, token, path, json);

    public static async Task<RestResponse> SendRestAsync(this HttpClient http, HttpMethod method, string? token, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var parsed = body.Length > 0 && body.TrimStart()[0] is '{' or '[' ? JsonDocument.Parse(body).RootElement.Clone() : default;
        return new RestResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, parsed, body);
    }
}
