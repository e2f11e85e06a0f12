using System.Text.Json;
using ApGrid.Api.Auth;
using global::GraphQL;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP: POST with a JSON body, GET for queries only, the response media type chosen
/// from Accept, and status codes that tell a malformed request from a failed field.
/// </summary>
public static class GraphQLHttpEndpoint
{
    /// <summary>On successful answers to admitted capacity queries: "hit" when served from memory, "miss" when computed.</summary>
    public const string CacheHeader = "ApGrid-Cache";

    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var limits = services.GetRequiredService<GraphQLLimits>();
        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept.ToString());
        if (mediaType is null)
        {
            await WriteProblemAsync(context, StatusCodes.Status406NotAcceptable, $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        var caller = Caller.From(context.User);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteResultAsync(context, serializer, mediaType, StatusCodes.Status401Unauthorized,
                Refusal(ErrorCodes.Unauthenticated, "A valid bearer token is required."));
            return;
        }

        var isGet = HttpMethods.IsGet(context.Request.Method);
        byte[]? body = null;
        if (!isGet)
        {
            (body, var refused, var refusedStatus) = await ReadBodyAsync(context, limits);
            if (body is null)
            {
                await WriteProblemAsync(context, refusedStatus, refused!);
                return;
            }
        }

        // A repeated capacity query is answered from memory when the index has not changed since.
        var answers = services.GetRequiredService<CachedCapacityAnswers>();
        var key = body is null ? null : new CachedAnswerKey(caller, body);
        if (key is not null && answers.Holds(key) && await CurrentVersionAsync(services, caller.Tenant) is { } version
            && answers.Get(key, version) is { } cached)
        {
            context.Response.Headers[CacheHeader] = "hit";
            await WriteBodyAsync(context, mediaType, StatusCodes.Status200OK, cached);
            return;
        }

        var (request, problem, status) = isGet ? ReadQueryString(context.Request, serializer) : await DeserializeAsync(body!, serializer);
        if (request is null)
        {
            await WriteProblemAsync(context, status, problem!);
            return;
        }

        var executor = services.GetRequiredService<GraphQLRequestExecutor>();
        var userContext = new ApGridUserContext(caller, AuditChannel.GraphQLHttp);
        var result = await executor.ExecuteAsync(request, userContext, services, context.RequestAborted,
            isGet ? OperationTypeRule.HttpGet : OperationTypeRule.HttpPost);
        if (isGet && result.Errors?.OfType<OperationNotAllowedError>().FirstOrDefault() is { } notAllowed)
        {
            context.Response.Headers.Allow = "POST";
            await WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed, notAllowed.Message);
            return;
        }

        var statusCode = mediaType == MediaTypes.GraphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        var answer = await SerializeAsync(serializer, result, context.RequestAborted);
        if (key is not null && result.Executed && result.Errors is not { Count: > 0 }
            && userContext.CapacityVersion is { } computedAt && CapacityAnswerAdmission.Admits(result, request.Variables))
        {
            answers.Add(key, new CachedAnswer(computedAt, answer));
            context.Response.Headers[CacheHeader] = "miss";
        }

        await WriteBodyAsync(context, mediaType, statusCode, answer);
    }

    /// <summary>Null when the LA grain cannot say: the request is then computed, and any failure reported as for any other.</summary>
    private static async Task<CapacityIndexVersion?> CurrentVersionAsync(IServiceProvider services, string tenant)
    {
        try
        {
            TenantContext.Set(tenant);
            return await services.GetRequiredService<IGrainFactory>().GetGrain<ILocalAuthorityGrain>(tenant).GetCapacityVersionAsync();
        }
#pragma warning disable CA1031 // see summary
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static (GraphQLRequest? Request, string? Problem, int Status) ReadQueryString(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        try
        {
            return (new GraphQLRequest
            {
                Query = http.Query["query"].ToString() is { Length: > 0 } q ? q : null,
                OperationName = http.Query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = http.Query["variables"].ToString() is { Length: > 0 } v ? serializer.Deserialize<Inputs>(v) : null,
                Extensions = http.Query["extensions"].ToString() is { Length: > 0 } e ? serializer.Deserialize<Inputs>(e) : null,
            }, null, 0);
        }
        catch (JsonException ex)
        {
            return (null, "variables and extensions must be JSON objects: " + ex.Message, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The body as sent: it is both the request and, for a cached answer, the key.</summary>
    private static async Task<(byte[]? Body, string? Problem, int Status)> ReadBodyAsync(HttpContext context, GraphQLLimits limits)
    {
        var http = context.Request;
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "POST bodies must be application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        // Refuse an oversized body up front when its length is declared, and cap the read otherwise.
        var tooLarge = $"The body is over {limits.MaxRequestBodyBytes} bytes.";
        if (http.ContentLength > limits.MaxRequestBodyBytes) return (null, tooLarge, StatusCodes.Status413PayloadTooLarge);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        }

        try
        {
            using var buffer = new MemoryStream((int)Math.Min(http.ContentLength ?? 1024, 16 * 1024));
            var chunk = new byte[4096];
            int read;
            while ((read = await http.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limits.MaxRequestBodyBytes) return (null, tooLarge, StatusCodes.Status413PayloadTooLarge);
                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null, 0);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge, StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static async Task<(GraphQLRequest? Request, string? Problem, int Status)> DeserializeAsync(byte[] body, IGraphQLTextSerializer serializer)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            var request = await serializer.ReadAsync<GraphQLRequest>(stream);
            return request is null ? (null, "The body must be a JSON object.", StatusCodes.Status400BadRequest) : (request, null, 0);
        }
        catch (JsonException ex)
        {
            return (null, "The body is not a GraphQL request: " + ex.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static ExecutionResult Refusal(string code, string message) =>
        new() { Errors = [new ApGridError(code, message)], Executed = false };

    private static async Task WriteResultAsync(HttpContext context, IGraphQLTextSerializer serializer, string mediaType, int status, ExecutionResult result) =>
        await WriteBodyAsync(context, mediaType, status, await SerializeAsync(serializer, result, context.RequestAborted));

    private static async Task<byte[]> SerializeAsync(IGraphQLTextSerializer serializer, ExecutionResult result, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await serializer.WriteAsync(body, result, cancellationToken);
        return body.ToArray();
    }

    /// <summary>
    /// Sent whole, so the answer carries a Content-Length and leaves in one write. Streamed, it went
    /// out chunked, and the gateway then sent every answer on to its client as two TCP segments (the
    /// body, then the 5-byte end-of-chunks) at a wakeup and a syscall each.
    /// </summary>
    private static async Task WriteBodyAsync(HttpContext context, string mediaType, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
}
