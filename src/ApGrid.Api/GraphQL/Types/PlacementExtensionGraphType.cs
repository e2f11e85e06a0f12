using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementExtensionGraphType : ObjectGraphType<PlacementExtension>
{
    public PlacementExtensionGraphType()
    {
        Name = "PlacementExtension";
        Description = "A non-school placement allowed past the time limit until a day, with the reason recorded at a review.";
        Field<NonNullGraphType<IdGraphType>>("placementId").Resolve(c => c.Source.PlacementId);
        Field<NonNullGraphType<DateGraphType>>("until").Resolve(c => c.Source.Until);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("by").Resolve(c => c.Source.By);
        Field<NonNullGraphType<DateGraphType>>("on").Resolve(c => c.Source.On);
    }
}
