namespace ApGrid.Api.GraphQL.Views;

public sealed record ProviderExpiryView(ProviderExpiry Expiry, DateOnly Today);
