using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ApprovalOverrideGraphType : ObjectGraphType<ApprovalOverride>
{
    public ApprovalOverrideGraphType()
    {
        Name = "ApprovalOverride";
        Description = "The LA let one pupil be placed at a provider that is not approved, for the reason given.";
        Field<NonNullGraphType<IdGraphType>>("pupilId").Resolve(c => c.Source.PupilId);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("by").Resolve(c => c.Source.By);
        Field<NonNullGraphType<DateGraphType>>("on").Resolve(c => c.Source.On);
    }
}
