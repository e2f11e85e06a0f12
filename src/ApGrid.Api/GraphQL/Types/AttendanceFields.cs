using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>The attendance queries and mutation, added to the root types in one place.</summary>
public static class AttendanceFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<RegisterGraphType>>("register")
            .Description("An AP setting's register of one day (today in England if no date): the LA and the setting's own staff see every row, a home school its own pupils' rows.")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .Argument<DateGraphType>("date")
            .ResolveAsync(async c => await AttendanceQueries.GetAsync(c.Grains(), c.Caller(), c.UrnArgument("urn"), DateOf(c)));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotArrivedAlertGraphType>>>>("notArrivedAlerts")
            .Description("Pupils expected with no mark by the session's cut-off on a day (today in England if no date): every alert for the LA, a school's own pupils for its staff.")
            .Argument<DateGraphType>("date")
            .ResolveAsync(async c => await AttendanceQueries.AlertsAsync(c.Grains(), c.Caller(), DateOf(c)));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceCodeInfoGraphType>>>>("attendanceCodes")
            .Description("Every attendance code with its official code, the words for it and how it counts.")
            .Resolve(_ => AttendanceCodes.All);
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<RegisterGraphType>>("recordAttendance")
            .Description("Records marks at a setting for one day: its own AP staff for any pupil placed there, a home school's staff for its own pupils. All or nothing: a refused mark names its row (marks[i].pupilId, marks[i].session).")
            .Argument<NonNullGraphType<RecordAttendanceInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var urn = (string)input["urn"]!;
                if (!Urn.TryParse(urn, out _)) throw ApGridError.Validation("urn", "urn must be 6 digits.");
                var rows = ((IEnumerable<object>)input["marks"]!).Cast<IDictionary<string, object?>>()
                    .Select(m => new RegisterMarkRow(m["pupilId"]?.ToString() ?? "", (Session)m["session"]!, (AttendanceCode)m["mark"]!))
                    .ToList();
                var (register, refused) = await AttendanceQueries.RecordAsync(c.Grains(), c.Caller(), urn, (DateOnly)input["date"]!, rows);
                foreach (var pupilId in rows.Select(r => r.PupilId).Distinct(StringComparer.Ordinal).Where(_ => refused is null))
                {
                    c.AccessLog().Changed(pupilId, "Mutation.recordAttendance");
                }

                return register ?? throw ApGridError.From(refused!);
            });
    }

    /// <summary>The attendance field of a placement or pupil; on the audited types, so reading it is a read of the pupil's record.</summary>
    public static void AddTo(ObjectGraphType<PlacementView> placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        placement.Field<NonNullGraphType<AttendanceGraphType>>("attendance")
            .Description("Attendance at this placement from its marks: the week holding asOf and to date (asOf: today if omitted).")
            .Argument<DateGraphType>("asOf")
            .ResolveAsync(async c => await AttendanceQueries.OfPlacementAsync(c.Grains(), c.Caller().Tenant, c.Source.Placement.PlacementId, c.GetArgument<DateOnly?>("asOf") ?? c.Today()));
    }

    public static void AddTo(ObjectGraphType<PupilView> pupil)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        pupil.Field<NonNullGraphType<AttendanceGraphType>>("attendance")
            .Description("Attendance across the pupil's placements the caller may see (an AP's staff: at their setting): the week holding asOf and to date (asOf: today if omitted).")
            .Argument<DateGraphType>("asOf")
            .ResolveAsync(async c =>
            {
                var caller = c.Caller();
                var pupil = c.Source.Snapshot;
                var visible = pupil with { Placements = [.. pupil.Placements.Where(p => PupilAccess.MaySeePlacement(caller, pupil, p))] };
                return await AttendanceQueries.OfPupilAsync(c.Grains(), caller.Tenant, visible, c.GetArgument<DateOnly?>("asOf") ?? c.Today());
            });
    }

    private static DateOnly DateOf(IResolveFieldContext context) =>
        context.GetArgument<DateOnly?>("date") ?? AttendanceQueries.UkToday(context.RequestServices!.GetRequiredService<TimeProvider>());
}
