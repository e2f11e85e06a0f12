using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class PlacementGraphType : ObjectGraphType<object>
{
    public PlacementGraphType()
    {
        Name = "Placement";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<PupilGraphType>>("pupil");
        Field<NonNullGraphType<ApSettingGraphType>>("setting");
        Field<NonNullGraphType<DateGraphType>>("startDate");
        Field<NonNullGraphType<DateGraphType>>("plannedEndDate");
        Field<DateGraphType>("endDate");
        Field<NonNullGraphType<BooleanGraphType>>("fullTime");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("sessions");
        Field<NonNullGraphType<RegistrationEnumGraphType>>("apRegistration");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("objectives");
        Field<NonNullGraphType<IntGraphType>>("reviewEveryWeeks");
        Field<DateGraphType>("nextReviewDue");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementReviewGraphType>>>>("reviews");
        Field<NonNullGraphType<PlacementStatusEnumGraphType>>("status");
        Field<PlacementOutcomeEnumGraphType>("outcome");
    }
}
