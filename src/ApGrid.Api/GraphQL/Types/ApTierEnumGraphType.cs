using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ApTierEnumGraphType : EnumerationGraphType<ApTier>
{
    public ApTierEnumGraphType() => Name = "ApTier";
}
