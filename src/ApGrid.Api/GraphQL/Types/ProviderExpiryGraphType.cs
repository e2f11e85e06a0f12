using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderExpiryGraphType : ObjectGraphType<ProviderExpiryView>
{
    public ProviderExpiryGraphType()
    {
        Name = "ProviderExpiry";
        Description = "One part of an approval and the last day it holds.";
        Field<NonNullGraphType<ExpiryItemEnumGraphType>>("item").Resolve(c => c.Source.Expiry.Item);
        Field<DateGraphType>("validUntil").Description("Null when none was ever recorded.")
            .Resolve(c => c.Source.Expiry.ValidUntil == DateOnly.MinValue ? (DateOnly?)null : c.Source.Expiry.ValidUntil);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What lapses and when, in words, e.g. \"Insurance lapses after 1 December 2026 (in 5 days).\"")
            .Resolve(c => ProviderStandingRules.Describe(c.Source.Expiry, c.Source.Today));
    }
}
