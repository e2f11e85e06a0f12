using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class PupilGraphType : ObjectGraphType<object>
{
    public PupilGraphType()
    {
        Name = "Pupil";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("upn");
        Field<NonNullGraphType<StringGraphType>>("initials");
        Field<NonNullGraphType<DateGraphType>>("dateOfBirth");
        Field<NonNullGraphType<IntGraphType>>("yearGroup");
        Field<NonNullGraphType<KeyStageEnumGraphType>>("keyStage");
        Field<NonNullGraphType<SenProvisionEnumGraphType>>("senProvision");
        Field<NeedTypeEnumGraphType>("primaryNeed");
        Field<NonNullGraphType<BooleanGraphType>>("lookedAfter");
        Field<NonNullGraphType<SchoolGraphType>>("homeSchool");
        Field<PlacementGraphType>("currentPlacement");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placements");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralGraphType>>>>("referrals");
        Field<EhcpCaseGraphType>("ehcp");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WaitingListEntryGraphType>>>>("waitingListEntries");
    }
}
