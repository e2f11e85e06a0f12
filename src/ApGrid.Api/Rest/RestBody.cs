using System.Text.Json;
using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ApGrid.Api.Rest;

/// <summary>Reads a REST request's JSON body; a member of the wrong shape is a VALIDATION error naming it.</summary>
internal static class RestBody
{
    public static async Task<T> ReadAsync<T>(HttpContext http, string? hint = null)
    {
        try
        {
            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted)
                ?? throw ApGridError.Validation("body", "The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            // The path names the member at fault, e.g. $.marks[1].code.
            var field = ex.Path is { Length: > 2 } path ? path[2..] : "body";
            throw ApGridError.Validation(field, $"{field} is not valid JSON of the expected type{hint}.");
        }
    }
}
