using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class OutreachRequestGraphType : ObjectGraphType<OutreachRequestRecord>
{
    public OutreachRequestGraphType()
    {
        Name = "OutreachRequest";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<SchoolGraphType>>("school").ResolveAsync(async c =>
            new SchoolView(c.Source.SchoolUrn, await c.TenantGrain<ISchoolGrain>(c.Source.SchoolUrn).GetProfileAsync()
                ?? throw ApGridError.NotFound("schoolUrn", "school")));
        Field<PupilGraphType>("pupil")
            .Description("Null when the school named no pupil, or the caller may not see them (an AP setting before the pupil is placed with it).")
            .ResolveAsync(async c =>
            {
                if (c.Source.PupilId is not { } pupilId) return null;
                var snapshot = await c.TenantGrain<IPupilGrain>(pupilId).GetAsync();
                return snapshot is not null && PupilAccess.CanSee(c.Caller(), snapshot) ? new PupilView(snapshot, UpnVisible: true) : null;
            });
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<IntGraphType>>("suspensionsThisTerm").Resolve(c => c.Source.SuspensionsThisTerm);
        Field<NonNullGraphType<FloatGraphType>>("hoursRequested").Resolve(c => c.Source.HoursRequested);
        Field<NonNullGraphType<DateGraphType>>("requestedOn").Resolve(c => c.Source.RequestedOn);
        Field<OutreachAllocationGraphType>("allocation").Resolve(c => c.Source.Allocation is null ? null : c.Source);
        AuditedFields.RecordReads(this);
    }
}
