namespace ApGrid.Api.Rest;

public sealed record ProviderExpiryResource(string Item, DateOnly? ValidUntil, string Description)
{
    public static ProviderExpiryResource From(ProviderExpiry expiry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(expiry);
        return new(ExpiryItemNames.SchemaName(expiry.Item), expiry.ValidUntil == DateOnly.MinValue ? null : expiry.ValidUntil, ProviderStandingRules.Describe(expiry, today));
    }
}
