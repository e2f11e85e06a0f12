using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Types;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>EHC needs assessments: the LA's tracker, and the two steps that move a case.</summary>
public static class EhcpQueries
{
    /// <summary>The LA sees every case; a school its own pupils' cases; nobody else sees the tracker.</summary>
    public static async Task<List<EhcpCaseView>> ListAsync(IResolveFieldContext context, Dictionary<string, object?>? filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Caller();
        if (!caller.IsLaOfficer && caller.Role != Role.SchoolStaff) throw ApGridError.Forbidden("Only the LA and schools track EHC cases.");
        var stage = filter?.GetValueOrDefault("stage") as EhcpStage?;
        var overdueOnly = filter?.GetValueOrDefault("overdueOnly") is true;
        var kind = filter?.GetValueOrDefault("deadlineKind") as EhcDeadlineKind?;
        var schoolUrn = caller.IsLaOfficer ? filter?.GetValueOrDefault("schoolUrn") as string : caller.Urn;
        var today = context.Today();
        var cases = await context.LocalAuthority().GetEhcpCasesAsync();
        return [.. cases
            .Where(e => stage is null || e.Case.Stage == stage)
            .Where(e => schoolUrn is null || e.HomeSchoolUrn == schoolUrn)
            .Where(e => kind is null
                ? !overdueOnly || EhcpCaseGraphType.IsOverdue(e, today)
                : e.Deadlines(today).Any(d => d.Kind == kind && d.MetOn is null && (!overdueOnly || d.IsOverdueOn(today))))
            .OrderByDescending(e => EhcpCaseGraphType.IsOverdue(e, today))
            .ThenBy(e => EhcDeadlines.Next(e.Deadlines(today))?.DueOn ?? DateOnly.MaxValue)
            .ThenBy(e => e.Case.RequestedOn)
            .Select(e => new EhcpCaseView(e, null))];
    }

    public static async Task<object?> RequestAssessmentAsync(IResolveFieldContext<object?> context)
    {
        var pupil = await PupilAccess.LoadAsync(context, context.GetArgument<string>("pupilId"), "pupilId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var result = await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id)
            .RequestEhcAssessmentAsync(context.GetArgument<DateOnly>("requestedOn"), context.GetArgument<EhcRequestSource?>("requestSource"));
        return View(result, pupil);
    }

    public static Task<object?> RecordMilestoneAsync(IResolveFieldContext<object?> context) =>
        LaStepAsync(context, (grain, input) => grain.RecordEhcpMilestoneAsync((EhcpMilestone)input["milestone"]!, (DateOnly)input["date"]!));

    /// <summary>SEN2's timeliness for a calendar year, or all years: live for the LA, published under disclosure control for everyone else.</summary>
    public static async Task<EhcpTimelinessView> TimelinessAsync(IResolveFieldContext context, int? calendarYear)
    {
        ArgumentNullException.ThrowIfNull(context);
        var la = context.Caller().IsLaOfficer;
        var byYear = la
            ? await context.LocalAuthority().GetEhcpTimelinessAsync()
            : (await context.LocalAuthority().GetPublishedReportAsync(LaReportFilter.None)).EhcpTimelinessByYear;
        var counts = byYear.Where(y => calendarYear is null || y.Key == calendarYear)
            .Aggregate(EhcTimelinessCounts.None, (sum, year) => sum.Plus(year.Value));
        if (!la) return PublishedFigures.Timeliness(calendarYear, counts);
        return new EhcpTimelinessView(
            calendarYear,
            counts.FinalIssued,
            counts.Excluded,
            counts.IssuedWithin20Weeks,
            DisclosureControl.Percent(counts.IssuedWithin20Weeks, counts.Counted));
    }

    internal static Task<object?> LaStepAsync(
        IResolveFieldContext context, Func<IPupilGrain, Dictionary<string, object?>, Task<CommandResult<PupilSnapshot>>> step) =>
        StepAsync(context, laOnly: true, step);

    internal static async Task<object?> StepAsync(
        IResolveFieldContext context, bool laOnly, Func<IPupilGrain, Dictionary<string, object?>, Task<CommandResult<PupilSnapshot>>> step)
    {
        var input = context.HasArgument("input") ? context.GetArgument<Dictionary<string, object?>>("input") : [];
        var pupilId = context.HasArgument("input") ? input["pupilId"]?.ToString() : context.GetArgument<string>("pupilId");
        var pupil = await PupilAccess.LoadAsync(context, pupilId, "pupilId");
        if (laOnly) PupilAccess.RequireLa(context.Caller());
        else PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        return View(await step(context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id), input), pupil);
    }

    private static EhcpCaseView View(CommandResult<PupilSnapshot> result, PupilView pupil)
    {
        var snapshot = result.Value ?? throw ApGridError.From(result.Error!);
        return new EhcpCaseView(
            EhcpCaseEntry.For(snapshot.Id, snapshot.Record, snapshot.Ehcp!),
            pupil with { Snapshot = snapshot });
    }
}
