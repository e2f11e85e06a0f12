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
        Field<NonNullGraphType<IntGraphType>>("yearGroup")
            .Description("National curriculum year today (0 = Reception, 12 and over past Year 11), from the date of birth and yearGroupOffset.")
            .Resolve(c => c.Source.Snapshot.Record.YearGroupOn(c.Today()));
        Field<NonNullGraphType<KeyStageEnumGraphType>>("keyStage").Resolve(c => c.Source.Snapshot.Record.KeyStageOn(c.Today()));
        Field<NonNullGraphType<IntGraphType>>("yearGroupOn")
            .Description("The year group on a given date.")
            .Argument<NonNullGraphType<DateGraphType>>("date")
            .Resolve(c => c.Source.Snapshot.Record.YearGroupOn(c.GetArgument<DateOnly>("date")));
        Field<NonNullGraphType<IntGraphType>>("yearGroupOffset").Resolve(c => c.Source.Snapshot.Record.YearGroupOffset);
        Field<NonNullGraphType<DateGraphType>>("compulsorySchoolAgeStarts")
            .Description("The term after the fifth birthday (31 December, 31 March or 31 August).")
            .Resolve(c => SchoolYear.CompulsorySchoolAgeStarts(c.Source.Snapshot.Record.DateOfBirth));
        Field<NonNullGraphType<DateGraphType>>("schoolLeavingDate")
            .Description("The last Friday of June of Year 11: compulsory school age ends, and so does any AP placement.")
            .Resolve(c => SchoolYear.CompulsorySchoolAgeEnds(c.Source.Snapshot.Record.DateOfBirth));
        Field<StringGraphType>("homePostcode")
            .Description("The whole postcode for the LA and the home school; its sector (\"NE1 4\") for anyone else who may see the pupil.")
            .Resolve(c => PupilAccess.HomePostcodeFor(c.Caller(), c.Source.Snapshot));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PupilCorrectionGraphType>>>>("corrections")
            .Description("Corrections made to the record, oldest first; only the LA and the home school see them.")
            .Resolve(c => PupilAccess.MaySeeCase(c.Caller(), c.Source.Snapshot) ? c.Source.Snapshot.Corrections ?? [] : []);
        Field<NonNullGraphType<SenProvisionEnumGraphType>>("senProvision").Resolve(c => c.Source.Snapshot.Record.SenProvision);
        Field<NeedTypeEnumGraphType>("primaryNeed").Resolve(c => c.Source.Snapshot.Record.PrimaryNeed);
        Field<NonNullGraphType<BooleanGraphType>>("lookedAfter").Resolve(c => c.Source.Snapshot.Record.LookedAfter);
        Field<NonNullGraphType<SchoolGraphType>>("homeSchool").ResolveAsync(async c =>
        {
            return await HomeSchools.FindAsync(c, c.Source.Snapshot.Record.HomeSchoolUrn) ?? throw ApGridError.NotFound("homeSchoolUrn", "school");
        });
        // Who sees which part of a pupil: PupilAccess's MaySee* rules, the table in docs/api.md ("Who sees what").
        Field<PlacementGraphType>("currentPlacement")
            .Description("The active placement, if the caller may see it (an AP's staff: only one at their setting).")
            .Resolve(c => Placements(c).FirstOrDefault(p => p.Placement.IsActive));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placements")
            .Description("Every placement for the LA and the home school; an AP's staff see those at their own setting only.")
            .Resolve(c => Placements(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralGraphType>>>>("referrals")
            .Description("Referrals to the LA's panel; only the LA and the home school see them.")
            .Resolve(c => PupilAccess.MaySeeCase(c.Caller(), c.Source.Snapshot) ? c.Source.Snapshot.Referrals.Select(r => new ReferralView(r, c.Source)).ToList() : []);
        Field<EhcpCaseGraphType>("ehcp")
            .Description("The EHC needs assessment and plan; only the LA and the home school see it.")
            .Resolve(c => c.Source.Snapshot.Ehcp is { } ehcp && PupilAccess.MaySeeCase(c.Caller(), c.Source.Snapshot)
                ? new EhcpCaseView(EhcpCaseEntry.For(c.Source.Snapshot.Id, c.Source.Snapshot.Record, ehcp), c.Source)
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WaitingListEntryGraphType>>>>("waitingListEntries")
            .ResolveAsync(async c => await WaitingListQueries.ForPupilAsync(c, c.Source));
        Field<PackageGraphType>("package")
            .Description("The pupil's week on a date (default today) against the full week; the LA and the home school only.")
            .Argument<DateGraphType>("asOf")
            .Resolve(c => PupilAccess.MaySeeCase(c.Caller(), c.Source.Snapshot) ? Packages.On(c, c.Source, c.GetArgument<DateOnly?>("asOf") ?? c.Today()) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExclusionGraphType>>>>("exclusions")
            .Description("Suspensions and permanent exclusions, in the order recorded; only the LA and the home school see them.")
            .Resolve(ExclusionQueries.ForPupil);

        AttendanceFields.AddTo(this);
        AuditedFields.RecordReads(this);
    }

    private static List<PlacementView> Placements(IResolveFieldContext<PupilView> context)
    {
        var caller = context.Caller();
        return [.. context.Source.Snapshot.Placements.Where(p => PupilAccess.MaySeePlacement(caller, context.Source.Snapshot, p)).Select(p => new PlacementView(p, context.Source))];
    }
}
