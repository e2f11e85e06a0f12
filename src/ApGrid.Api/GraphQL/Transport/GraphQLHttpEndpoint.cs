using System.Text.Json;
using ApGrid.Api.Auth;
using ApGrid.Api.Caching;
using ApGrid.Api.GraphQL.Transport.Errors;
using global::GraphQL;
using global::GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP: POST with a JSON body, GET for queries only, the response media type chosen
/// from Accept, and status codes that tell a malformed request from a failed field.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        try
        {
            await ServeAsync(context);
        }
        catch (TransportException error)
        {
            await error.WriteAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLHttpEndpoint));
            var id = InternalErrors.Record(logger, ex, "GraphQL over HTTP");
            var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept.ToString()) ?? MediaTypes.GraphQLResponse;
            await WriteResultAsync(context, serializer, mediaType, StatusCodes.Status500InternalServerError,
                new ExecutionResult { Errors = [InternalErrors.ErrorFor(id)], Executed = false });
        }
    }

    public const string NoAccessMessage = "You are signed in, but your LA has not given you access to ApGrid yet. Ask your LA's ApGrid administrator to grant you a role.";

    private static async Task ServeAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept.ToString()) ?? throw new NotAcceptableException();
        var caller = Caller.From(context.User);
        if (caller is null && context.User.HasClaim(c => c.Type == AccessResolution.NoAccessClaim))
        {
            await WriteResultAsync(context, serializer, mediaType, StatusCodes.Status403Forbidden, Refusal(ErrorCodes.NoAccess, NoAccessMessage));
            return;
        }

        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteResultAsync(context, serializer, mediaType, StatusCodes.Status401Unauthorized,
                Refusal(ErrorCodes.Unauthenticated, "A valid bearer token is required."));
            return;
        }

        var isGet = HttpMethods.IsGet(context.Request.Method);
        var request = isGet
            ? ReadQueryString(context.Request, serializer)
            : await DeserializeAsync(await ReadBodyAsync(context, services.GetRequiredService<GraphQLLimits>()), serializer);
        var executor = services.GetRequiredService<GraphQLRequestExecutor>();
        var schema = services.GetRequiredService<ISchema>();

        // HTTP validators, only on GET (the method caches revalidate) and only for operations whose
        // fields the schema declares to follow from the capacity index.
        // Judged once: before executing for a conditional GET, else afterwards from the executed document.
        bool? cachedByCapacityVersion = isGet && context.Request.Headers.IfNoneMatch.Count > 0
            ? ResponseCacheScope.IsCachedByCapacityVersion(schema, request, services.GetRequiredService<DocumentCache>().Find(request.Query))
            : null;
        if (cachedByCapacityVersion == true && await CapacityValidators.NotModifiedAsync(context, services.GetRequiredService<IGrainFactory>(), caller)) return;

        var userContext = new ApGridUserContext(caller, AuditChannel.GraphQLHttp);
        var result = await executor.ExecuteAsync(request, userContext, services, context.RequestAborted,
            isGet ? OperationTypeRule.HttpGet : OperationTypeRule.HttpPost);
        if (isGet && result.Errors?.OfType<OperationNotAllowedError>().Any() == true) throw new GetNotAllowedException();

        // Not run because our side failed (recorded with a correlation id) is 500, not a bad request.
        var statusCode = result.Executed ? StatusCodes.Status200OK
            : result.Errors?.Any(e => InternalErrors.CorrelationIdOf(e) is not null) == true ? StatusCodes.Status500InternalServerError
            : mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (isGet && result is { Executed: true, Errors: not { Count: > 0 }, Document: { } document, Operation: { } operation }
            && userContext.CapacityVersion is { } computedAt
            && (cachedByCapacityVersion ?? ResponseCacheScope.IsCachedByCapacityVersion(schema, document, operation, request.Variables)))
        {
            CapacityValidators.Set(context, caller, computedAt);
        }

        await WriteBodyAsync(context, mediaType, statusCode, await SerializeAsync(serializer, result, context.RequestAborted));
    }

    private static GraphQLRequest ReadQueryString(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        try
        {
            return new GraphQLRequest
            {
                Query = http.Query["query"].ToString() is { Length: > 0 } q ? q : null,
                OperationName = http.Query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = http.Query["variables"].ToString() is { Length: > 0 } v ? serializer.Deserialize<Inputs>(v) : null,
                Extensions = http.Query["extensions"].ToString() is { Length: > 0 } e ? serializer.Deserialize<Inputs>(e) : null,
            };
        }
        catch (JsonException ex)
        {
            throw new InvalidQueryStringException(ex.Message);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context, GraphQLLimits limits)
    {
        var http = context.Request;
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedMediaTypeException();
        }

        // Refuse an oversized body up front when its length is declared, and cap the read otherwise.
        if (http.ContentLength > limits.MaxRequestBodyBytes) throw new BodyTooLargeException(limits.MaxRequestBodyBytes);
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
                if (buffer.Length + read > limits.MaxRequestBodyBytes) throw new BodyTooLargeException(limits.MaxRequestBodyBytes);
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new BodyTooLargeException(limits.MaxRequestBodyBytes);
        }
    }

    private static async Task<GraphQLRequest> DeserializeAsync(byte[] body, IGraphQLTextSerializer serializer)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            return await serializer.ReadAsync<GraphQLRequest>(stream) ?? throw new InvalidBodyException("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidBodyException("The body is not a GraphQL request: " + ex.Message);
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
}
