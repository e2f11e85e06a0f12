using Microsoft.Net.Http.Headers;

namespace ApGrid.Api.GraphQL.Transport;

public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// Picks the response type from Accept, as GraphQL over HTTP asks: the GraphQL response type when
    /// the client accepts it, JSON for legacy clients (and when Accept is absent), null when neither.
    /// </summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        if (!MediaTypeHeaderValue.TryParseList([accept], out var types)) return null;
        foreach (var type in types.Where(t => t.Quality is null or > 0).OrderByDescending(t => t.Quality ?? 1))
        {
            var name = type.MediaType.Value?.ToLowerInvariant();
            if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) continue;
            if (name == GraphQLResponse) return GraphQLResponse;
            if (name is Json or "application/*" or "*/*") return Json;
        }

        return null;
    }
}
