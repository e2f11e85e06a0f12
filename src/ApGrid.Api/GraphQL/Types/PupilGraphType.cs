using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PupilGraphType : ObjectGraphType<PupilView>
{
    public PupilGraphType()
    {
        Name = "Pupil";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Snapshot.Id);
        Field<StringGraphType>("upn").Resolve(c => c.Source.UpnVisible ? c.Source.Snapshot.Record.Upn : null);
        Field<NonNullGraphType<StringGraphType>>("initials").Resolve(c => c.Source.Snapshot.Record.Initials);
        Field<NonNullGraphType<DateGraphType>>("dateOfBirth").Resolve(c => c.Source.Snapshot.Record.DateOfBirth);
        Field<NonNullGraphType<IntGraphType>>("yearGroup").Resolve(c => c.Source.Snapshot.Record.YearGroup);
        Field<NonNullGraphType<KeyStageEnumGraphType>>("keyStage").Resolve(c => SchoolYear.KeyStageOf(c.Source.Snapshot.Record.YearGroup));
        Field<NonNullGraphType<SenProvisionEnumGraphType>>("senProvision").Resolve(c => c.Source.Snapshot.Record.SenProvision);
        Field<NeedTypeEnumGraphType>("primaryNeed").Resolve(c => c.Source.Snapshot.Record.PrimaryNeed);
        Field<NonNullGraphType<BooleanGraphType>>("lookedAfter").Resolve(c => c.Source.Snapshot.Record.LookedAfter);
        Field<NonNullGraphType<SchoolGraphType>>("homeSchool").ResolveAsync(async c =>
        {
            var urn = c.Source.Snapshot.Record.HomeSchoolUrn;
            var profile = await c.TenantGrain<ISchoolGrain>(urn).GetProfileAsync() ?? throw ApGridError.NotFound("homeSchoolUrn", "school");
            return new SchoolView(urn, profile);
        });
        Field<PlacementGraphType>("currentPlacement").Resolve(c =>
            c.Source.Snapshot.CurrentPlacement is { } p ? new PlacementView(p, c.Source) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placements")
            .Resolve(c => c.Source.Snapshot.Placements.Select(p => new PlacementView(p, c.Source)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralGraphType>>>>("referrals")
            .Resolve(c => c.Source.Snapshot.Referrals.Select(r => new ReferralView(r, c.Source)).ToList());
        Field<EhcpCaseGraphType>("ehcp").Resolve(c => c.Source.Snapshot.Ehcp is { } ehcp
            ? new EhcpCaseView(EhcpCaseEntry.For(c.Source.Snapshot.Id, c.Source.Snapshot.Record, ehcp), c.Source)
            : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WaitingListEntryGraphType>>>>("waitingListEntries")
            .ResolveAsync(async c => await WaitingListQueries.ForPupilAsync(c, c.Source));
        AuditedFields.RecordReads(this);
    }
}
