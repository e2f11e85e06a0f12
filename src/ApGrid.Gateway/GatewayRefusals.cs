using System.Text.Json;

namespace ApGrid.Gateway;

/// <summary>
/// The bodies the gateway answers with itself, shaped like the node's so a client cannot tell (and
/// need not care) which of the two refused: GraphQL errors on /graphql, problem details elsewhere.
/// </summary>
internal static class GatewayRefusals
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/graphql"))
        {
            var accept = context.Request.Headers.Accept.ToString();
            context.Response.ContentType = accept.Contains("application/graphql-response+json", StringComparison.OrdinalIgnoreCase)
                ? "application/graphql-response+json; charset=utf-8"
                : "application/json; charset=utf-8";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }, Json));
        }

        return WriteProblemAsync(context, status, code, message);
    }

    /// <summary>RFC 9457 problem details with our error code, whatever the path.</summary>
    public static Task WriteProblemAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { type = "about:blank", title = code, status, detail = message, code }, Json));
    }
}
