using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcReviewRecommendationEnumGraphType : EnumerationGraphType<EhcReviewRecommendation>
{
    public EhcReviewRecommendationEnumGraphType() => Name = "EhcReviewRecommendation";
}
