namespace ApGrid.Api.GraphQL.Views;

/// <summary>A provider's assurance record with the setting it belongs to, as the LA or the provider's own staff see it.</summary>
public sealed record ProviderAssuranceView(ProviderAssuranceSnapshot Record, ApCapacitySnapshot Setting, ProviderStandingView Standing);
