using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>An exclusion that owes full-time education from its sixth school day, as of today.</summary>
public sealed class SixthDayDutyGraphType : ObjectGraphType<SixthDayDutyView>
{
    public SixthDayDutyGraphType()
    {
        Name = "SixthDayDuty";
        Field<NonNullGraphType<IdGraphType>>("exclusionId").Resolve(c => c.Source.Status.Entry.ExclusionId);
        Field<NonNullGraphType<PupilGraphType>>("pupil").ResolveAsync(async c => await PupilAccess.LoadAsync(c, c.Source.Status.Entry.PupilId, "pupil"));
        Field<NonNullGraphType<StringGraphType>>("schoolUrn").Description("The excluding school.").Resolve(c => c.Source.Status.Entry.SchoolUrn);
        Field<NonNullGraphType<ExclusionKindEnumGraphType>>("kind").Resolve(c => c.Source.Status.Entry.Kind);
        Field<NonNullGraphType<DateGraphType>>("startDate").Resolve(c => c.Source.Status.Entry.StartDate);
        Field<NonNullGraphType<DateGraphType>>("sixthSchoolDay").Resolve(c => c.Source.Status.Entry.SixthDay);
        Field<NonNullGraphType<ExclusionDutyHolderEnumGraphType>>("owedBy").Resolve(c => c.Source.Status.Entry.DutyHolder);
        Field<NonNullGraphType<BooleanGraphType>>("provisionRecorded").Description("A placement covers the sixth school day.")
            .Resolve(c => c.Source.Status.ProvisionRecorded);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("The sixth school day has come and no placement covers it.")
            .Resolve(c => c.Source.Status.Overdue);
        AuditedFields.RecordReads(this);
    }
}
