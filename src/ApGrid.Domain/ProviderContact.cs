namespace ApGrid.Domain;

/// <summary>A named person to contact at a provider, and what about.</summary>
public sealed record ProviderContact(string Name, string Role, string? Email, string? Phone);
