using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>A suspension or permanent exclusion, with its days counted on the home school's calendar when it was recorded.</summary>
public sealed class ExclusionGraphType : ObjectGraphType<ExclusionView>
{
    public ExclusionGraphType()
    {
        Name = "Exclusion";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Exclusion.Id);
        Field<NonNullGraphType<PupilGraphType>>("pupil").Resolve(c => c.Source.Pupil);
        Field<NonNullGraphType<ExclusionKindEnumGraphType>>("kind").Resolve(c => c.Source.Exclusion.Kind);
        Field<NonNullGraphType<DateGraphType>>("startDate").Resolve(c => c.Source.Exclusion.StartDate);
        Field<IntGraphType>("sessions").Description("A suspension's length in sessions (half days); null for a permanent exclusion.")
            .Resolve(c => c.Source.Exclusion.Sessions);
        Field<NonNullGraphType<ExclusionReasonEnumGraphType>>("reason").Resolve(c => c.Source.Exclusion.Reason);
        Field<NonNullGraphType<StringGraphType>>("reasonCensusCode").Description("The reason's school census code, e.g. \"DB\".")
            .Resolve(c => ExclusionReasons.CensusCode(c.Source.Exclusion.Reason));
        Field<NonNullGraphType<DateGraphType>>("sixthSchoolDay")
            .Description("The sixth school day of the home school's calendar, counting the first school day of the exclusion as day 1.")
            .Resolve(c => c.Source.Exclusion.SixthDay);
        Field<ExclusionDutyHolderEnumGraphType>("owedBy").Description("Who owes full-time education from sixthSchoolDay; null for a suspension of five school days or fewer.")
            .Resolve(c => c.Source.Exclusion.DutyHolder);
        Field<DateGraphType>("lastDay").Description("The last school day of a suspension; null for a permanent exclusion.").Resolve(c => c.Source.Exclusion.LastDay);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("daysCodedE")
            .Description("The school days the register marks E: days 1 to 5 of a permanent exclusion, and of a suspension as many as it lasts.")
            .Resolve(c => c.Source.Exclusion.DaysCodedE);
        Field<NonNullGraphType<StringGraphType>>("excludingSchoolUrn").Resolve(c => c.Source.Exclusion.ExcludingSchoolUrn);
        Field<NonNullGraphType<DateGraphType>>("recordedOn").Resolve(c => c.Source.Exclusion.RecordedOn);
        Field<DateGraphType>("reinstatedOn").Description("When the governing board directed reinstatement or the head withdrew the exclusion.")
            .Resolve(c => c.Source.Exclusion.ReinstatedOn);
        AuditedFields.RecordReads(this);
    }
}
