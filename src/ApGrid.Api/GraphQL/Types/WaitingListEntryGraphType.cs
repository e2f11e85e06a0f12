using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class WaitingListEntryGraphType : ObjectGraphType<WaitingListEntryView>
{
    public WaitingListEntryGraphType()
    {
        Name = "WaitingListEntry";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Record.Id);
        Field<NonNullGraphType<PupilGraphType>>("pupil").ResolveAsync(async c =>
            c.Source.Pupil ?? await PupilAccess.LoadAsync(c, c.Source.Record.PupilId, "pupilId"));
        Field<NonNullGraphType<SpecialSchoolGraphType>>("specialSchool").ResolveAsync(async c =>
            await c.TenantGrain<ISpecialSchoolGrain>(c.Source.Record.SpecialSchoolUrn).GetAsync()
                ?? throw ApGridError.NotFound("specialSchoolUrn", "special school"));
        Field<NonNullGraphType<DateGraphType>>("addedOn").Resolve(c => c.Source.Record.AddedOn);
        Field<IntGraphType>("position").Resolve(c => c.Source.Record.Position);
        Field<NonNullGraphType<WaitingStatusEnumGraphType>>("status").Resolve(c => c.Source.Record.Status);
        Field<NonNullGraphType<IntGraphType>>("daysWaiting").Resolve(c =>
            WaitingListRules.DaysWaiting(c.Source.Record.AddedOn, c.Source.Record.ClosedOn, c.Today()));
        Field<NonNullGraphType<BooleanGraphType>>("waitingInAp").ResolveAsync(async c =>
            WaitingListRules.IsOpen(c.Source.Record.Status)
            && (c.Source.Pupil?.Snapshot ?? await c.TenantGrain<IPupilGrain>(c.Source.Record.PupilId).GetAsync())?.CurrentPlacement is not null);
        Field<DateGraphType>("offeredOn").Description("When a place was offered to this entry.").Resolve(c => c.Source.Record.OfferedOn);
        Field<StringGraphType>("offerReason")
            .Description("Why the LA offered the place out of turn; null when it went to the first waiting pupil.")
            .Resolve(c => c.Source.Record.OfferReason);
        Field<NonNullGraphType<BooleanGraphType>>("parentalPreference").Description("The parents asked for this school.").Resolve(c => c.Source.Record.ParentalPreference);
        Field<StringGraphType>("overrideReason")
            .Description("Why the LA added the pupil though the school's designation misses the primary need.")
            .Resolve(c => c.Source.Record.OverrideReason);
        AuditedFields.RecordReads(this);
    }
}
