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
        var schoolUrn = caller.IsLaOfficer ? filter?.GetValueOrDefault("schoolUrn") as string : caller.Urn;
        var today = context.Today();
        var cases = await context.LocalAuthority().GetEhcpCasesAsync();
        return [.. cases
            .Where(e => stage is null || e.Case.Stage == stage)
            .Where(e => schoolUrn is null || e.HomeSchoolUrn == schoolUrn)
            .Where(e => !overdueOnly || EhcpCaseGraphType.IsOverdue(e.Case, today))
            .OrderByDescending(e => EhcpCaseGraphType.IsOverdue(e.Case, today))
            .ThenBy(e => e.Case.RequestedOn)
            .Select(e => new EhcpCaseView(e, null))];
    }

    public static async Task<object?> RequestAssessmentAsync(IResolveFieldContext<object?> context)
    {
        var pupil = await PupilAccess.LoadAsync(context, context.GetArgument<string>("pupilId"), "pupilId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var result = await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).RequestEhcAssessmentAsync(context.GetArgument<DateOnly>("requestedOn"));
        return View(result, pupil);
    }

    public static async Task<object?> RecordMilestoneAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var pupil = await PupilAccess.LoadAsync(context, input["pupilId"]?.ToString(), "pupilId");
        PupilAccess.RequireLa(context.Caller());
        var result = await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id)
            .RecordEhcpMilestoneAsync((EhcpMilestone)input["milestone"]!, (DateOnly)input["date"]!);
        return View(result, pupil);
    }

    private static EhcpCaseView View(CommandResult<PupilSnapshot> result, PupilView pupil)
    {
        var snapshot = result.Value ?? throw ApGridError.From(result.Error!);
        return new EhcpCaseView(new EhcpCaseEntry(snapshot.Id, snapshot.Record.HomeSchoolUrn, snapshot.Ehcp!), pupil with { Snapshot = snapshot });
    }
}
