using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Auth;

/// <summary>
/// Development only: hands out a token for any tenant, role and setting so a newcomer (and the tests)
/// can try everything. Outside Development the route is never mapped.
/// </summary>
public static class DevTokenEndpoint
{
    public static IEndpointConventionBuilder MapDevToken(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/dev/token", (DevTokenRequest? request, TokenIssuer issuer) =>
        {
            if (request is null) return Invalid("body", "Send {\"tenant\":\"901\",\"role\":\"LA_OFFICER\",\"urn\":null}.");
            if (!LaCode.TryParse(request.Tenant, out _)) return Invalid("tenant", "tenant must be a 3-digit LA code.");
            if (!RoleNames.TryParse(request.Role, out var role)) return Invalid("role", "role must be one of LA_OFFICER, SCHOOL_STAFF, AP_STAFF, SPECIAL_SCHOOL_STAFF, PARTNER, LA_ADMIN.");
            if (RoleNames.NeedsUrn(role) && !Domain.Urn.TryParse(request.Urn, out _)) return Invalid("urn", $"{request.Role} acts for one setting: urn must be its 6-digit URN.");
            if (!RoleNames.NeedsUrn(role) && request.Urn is not null) return Invalid("urn", $"{request.Role} does not act for a setting: urn must be null.");
            return Results.Ok(new { token = issuer.Issue(new Caller(request.Tenant!, role, request.Urn)) });
        }).AllowAnonymous();

    private static IResult Invalid(string field, string message) =>
        Results.Problem(detail: message, statusCode: StatusCodes.Status400BadRequest, title: "VALIDATION",
            extensions: new Dictionary<string, object?> { ["code"] = "VALIDATION", ["field"] = field });
}
