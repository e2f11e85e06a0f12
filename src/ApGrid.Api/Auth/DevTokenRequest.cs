namespace ApGrid.Api.Auth;

public sealed record DevTokenRequest(string? Tenant, string? Role, string? Urn);
