using ApGrid.Api.Audit;
using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace ApGrid.Api.Rest;

/// <summary>
/// In front of every /api/v1 handler: the same caller as GraphQL (from whatever scheme authenticated
/// the request), the tenant set for grain calls, refusals thrown by the shared access rules turned
/// into problem details, and the pupils the request touched written to the audit trail.
/// </summary>
internal sealed class RestRequestFilter(IGrainFactory grains, RestLimits limits, ILogger<RestRequestFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var caller = Caller.From(http.User);
        if (caller is null && http.User.HasClaim(c => c.Type == AccessResolution.NoAccessClaim))
        {
            return RestProblem.Of(ErrorCodes.NoAccess, GraphQL.Transport.GraphQLHttpEndpoint.NoAccessMessage);
        }

        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return RestProblem.Of(ErrorCodes.Unauthenticated, "A valid bearer token or API key is required.");
        }

        // Bodies are read as streams by the handlers; the server stops the stream at the limit.
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<RestBodyLimit>();
        var maxBody = declared is null ? limits.MaxRequestBodyBytes : declared.Bytes ?? long.MaxValue;
        if (declared is not { Bytes: null })
        {
            if (http.Request.ContentLength > maxBody) return BodyTooLarge(maxBody);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = maxBody;
        }

        var request = new RestRequest(caller, new PupilAccessLog(caller, AuditChannel.Rest), grains);
        request.AttachTo(http);
        TenantContext.Set(caller.Tenant);
        ActorContext.Set(RoleNames.NameOf(caller.Role));
        object? result;
        try
        {
            result = await next(context);
        }
        catch (ApGridError error)
        {
            return RestProblem.From(error);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return BodyTooLarge(maxBody);
        }
        catch (TenantMismatchException)
        {
            return RestProblem.Of(ErrorCodes.NotFound, "Not found.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return RestProblem.Internal(InternalErrors.Record(logger, ex, $"REST {http.Request.Method} {http.Request.Path}"));
        }

        // No audit, no data: a failed append fails the request (500) rather than serve an unrecorded read.
        await request.AccessLog.FlushAsync(http.RequestServices);
        return result;
    }

    private static ProblemHttpResult BodyTooLarge(long maxBody) =>
        RestProblem.Of(ErrorCodes.LimitExceeded, $"The body is over {maxBody} bytes.", status: StatusCodes.Status413PayloadTooLarge);

}
