using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>Suspensions and permanent exclusions: recorded by the home school or the LA; the sixth-day duties they owe.</summary>
public static class ExclusionQueries
{
    public static async Task<object?> RecordAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var pupil = await PupilAccess.LoadAsync(context, input["pupilId"]?.ToString(), "pupilId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var result = await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).RecordExclusionAsync(
            (ExclusionKind)input["kind"]!, (DateOnly)input["startDate"]!, input.GetValueOrDefault("sessions") as int?, (ExclusionReason)input["reason"]!);
        var snapshot = result.Value ?? throw ApGridError.From(result.Error!);
        return new ExclusionView(snapshot.Exclusions![^1], pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> ReinstateAsync(IResolveFieldContext<object?> context)
    {
        var exclusionId = context.GetArgument<string>("exclusionId");
        var pupil = await PupilAccess.LoadOwnerAsync(context, exclusionId, "exclusionId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var result = await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).ReinstateExclusionAsync(exclusionId, context.GetArgument<DateOnly>("reinstatedOn"));
        var snapshot = result.Value ?? throw ApGridError.From(result.Error!);
        return new ExclusionView(snapshot.Exclusions!.First(e => e.Id == exclusionId), pupil with { Snapshot = snapshot });
    }

    /// <summary>The LA and the home school; anyone else who may see the pupil sees no exclusions.</summary>
    public static List<ExclusionView> ForPupil(IResolveFieldContext<PupilView> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PupilAccess.IsLaOrHomeSchool(context.Caller(), context.Source.Snapshot)
            ? [.. (context.Source.Snapshot.Exclusions ?? []).Select(e => new ExclusionView(e, context.Source))]
            : [];
    }

    /// <summary>The LA sees every duty of its tenant; a school those of its own exclusions; nobody else the list.</summary>
    public static async Task<List<SixthDayDutyView>> DutiesAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Caller();
        if (!caller.IsLaOfficer && caller.Role != Role.SchoolStaff) throw ApGridError.Forbidden("Only the LA and schools see sixth-day duties.");
        var overdueOnly = context.GetArgument<bool?>("overdueOnly") is true;
        var duties = await context.LocalAuthority().GetExclusionDutiesAsync();
        return [.. duties
            .Where(d => caller.IsLaOfficer || d.Entry.SchoolUrn == caller.Urn)
            .Where(d => !overdueOnly || d.Overdue)
            .Select(d => new SixthDayDutyView(d))];
    }
}
