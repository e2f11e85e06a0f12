using System.Security.Claims;

namespace ApGrid.Api.Auth;

/// <summary>Who is asking: their tenant, their role and, for setting roles, the setting they act for.</summary>
public sealed record Caller(string Tenant, Role Role, string? Urn)
{
    /// <summary>Who exactly is asking, for the audit trail: their email when their provider gives one, else the token's subject. Empty when the token names none.</summary>
    public string Subject { get; init; } = "";

    public bool IsLaOfficer => Role == Role.LaOfficer;

    public bool ActsFor(Role role, string urn) => Role == role && string.Equals(Urn, urn, StringComparison.Ordinal);

    /// <summary>Reads a caller from validated claims; null when any claim is missing or malformed.</summary>
    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var tenant = user.FindFirst(ApGridClaims.Tenant)?.Value;
        var urn = user.FindFirst(ApGridClaims.Urn)?.Value;
        if (!LaCode.TryParse(tenant, out _) || !RoleNames.TryParse(user.FindFirst(ApGridClaims.Role)?.Value, out var role)) return null;
        if (RoleNames.NeedsUrn(role) != Domain.Urn.TryParse(urn, out _)) return null;
        return new Caller(tenant!, role, RoleNames.NeedsUrn(role) ? urn : null) { Subject = AccessResolution.SubjectOf(user) };
    }
}
