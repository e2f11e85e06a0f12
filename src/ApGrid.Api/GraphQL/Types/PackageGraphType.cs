using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PackageGraphType : ObjectGraphType<PackageView>
{
    public PackageGraphType()
    {
        Name = "Package";
        Description = "A pupil's week on a date: the home school's sessions, each provider's, tuition, and the gap to a full week.";
        Field<NonNullGraphType<PupilGraphType>>("pupil").Resolve(c => c.Source.Pupil);
        Field<NonNullGraphType<DateGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("homeSchoolSessions")
            .Description("As recorded by setPupilTimetable; without one, every session the pupil is not at a provider (none after a permanent exclusion).")
            .Resolve(c => c.Source.Pupil.Snapshot.HomeSchoolSessionsOn(c.Source.AsOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placements")
            .Description("The placements running that day.")
            .Resolve(c => c.Source.Pupil.Snapshot.Placements.Where(p => p.RunsOn(c.Source.AsOf)).Select(p => new PlacementView(p, c.Source.Pupil)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("coveredSessions").Resolve(c => c.Source.Check.Covered);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("uncoveredSessions").Resolve(c => c.Source.Check.Uncovered);
        Field<NonNullGraphType<FloatGraphType>>("tuitionHoursPerWeek").Resolve(c => c.Source.Check.TuitionHours);
        Field<NonNullGraphType<FloatGraphType>>("gapHours")
            .Description("Hours short of the mainstream week (uncovered sessions at its session length, less tuition).")
            .Resolve(c => c.Source.Check.GapHours);
        Field<NonNullGraphType<BooleanGraphType>>("partTimeTimetable").Description("Below a full week.").Resolve(c => c.Source.Check.PartTime);
        Field<StringGraphType>("partTimeAgreedBy").Resolve(c => c.Source.Timetable?.PartTimeAgreedBy);
        Field<DateGraphType>("partTimeEndsOn").Resolve(c => c.Source.Timetable?.PartTimeEndsOn);
    }
}
