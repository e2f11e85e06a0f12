using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Placements on every route and their life once started: arrange, amend, transfer, the pupil's
/// timetable, reintegration. Thin: who may act (the route's commissioner, and the LA), read the
/// input, call the pupil's grain.
/// </summary>
public static class LivePlacementMutations
{
    /// <summary>Any route but the panel's: the school for its directions and suspensions, the LA for s19 and s61.</summary>
    public static async Task<object?> ArrangePlacementAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var pupil = await PupilAccess.LoadAsync(context, input["pupilId"]?.ToString(), "pupilId");
        var caller = context.Caller();
        var route = (PlacementRoute)input["route"]!;
        if (route == PlacementRoute.LaPanel)
        {
            throw ApGridError.Validation("route", "LA_PANEL placements start from the panel's approved referral: use startPlacement.");
        }

        PupilAccess.RequireLaOrSchool(caller, pupil.Snapshot);
        if (RouteRules.CheckStarter(route, caller.IsLaOfficer ? Commissioner.La : Commissioner.School) is { } refused) throw ApGridError.From(CommandError.From(refused));
        var apUrn = await RequireSettingAsync(context, (string)input["apUrn"]!, "apUrn");
        var request = new PlacementRequest(
            PlacementId: "",
            apUrn,
            DateInputs.Start(context, "startDate", (DateOnly)input["startDate"]!),
            (DateOnly)input["plannedEndDate"]!,
            input.GetValueOrDefault("fullTime") as bool? ?? false,
            Sessions(input.GetValueOrDefault("sessions")) ?? [],
            ReferralId: null,
            [.. ((IEnumerable<object?>)input["objectives"]!).Select(o => o?.ToString() ?? "")],
            (int)input["reviewEveryWeeks"]!,
            input.GetValueOrDefault("idempotencyKey") as string,
            route,
            Notice(input.GetValueOrDefault("notice") as Dictionary<string, object?>),
            input.GetValueOrDefault("tier") as ApTier?,
            input.GetValueOrDefault("consentGivenOn") as DateOnly?,
            ExclusionId: input.GetValueOrDefault("exclusionId")?.ToString(),
            By: PlacementMutations.ActorOf(caller));
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).StartPlacementAsync(request));
        var placement = request.IdempotencyKey is null
            ? snapshot.Placements.Last(p => p.ApUrn == apUrn)
            : snapshot.Placements.Last(p => p.ApUrn == apUrn && p.Route == route);
        return new PlacementView(placement, pupil with { Snapshot = snapshot });
    }

    /// <summary>
    /// The fast path from an exclusion: the route it calls for (the LA's s19 after a permanent
    /// exclusion, the school's provision for a suspension), from the sixth school day, no panel.
    /// </summary>
    public static async Task<object?> ArrangeProvisionAfterExclusionAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var exclusionId = input["exclusionId"]!.ToString()!;
        var pupil = await PupilAccess.LoadOwnerAsync(context, exclusionId, "exclusionId");
        var caller = context.Caller();
        PupilAccess.RequireLaOrSchool(caller, pupil.Snapshot);
        var exclusion = (pupil.Snapshot.Exclusions ?? []).FirstOrDefault(e => e.Id == exclusionId) ?? throw ApGridError.NotFound("exclusionId", "exclusion");
        var route = RouteRules.RouteAfter(exclusion.Kind);
        if (RouteRules.CheckStarter(route, caller.IsLaOfficer ? Commissioner.La : Commissioner.School) is { } refused) throw ApGridError.From(CommandError.From(refused));
        var apUrn = await RequireSettingAsync(context, (string)input["apUrn"]!, "apUrn");
        var today = context.Today();
        var start = input.GetValueOrDefault("startDate") is DateOnly given
            ? DateInputs.Start(context, "startDate", given)
            : exclusion.SixthDay > today ? exclusion.SixthDay : today;
        var request = new PlacementRequest(
            PlacementId: "",
            apUrn,
            start,
            input.GetValueOrDefault("plannedEndDate") as DateOnly? ?? start.AddDays(84),
            input.GetValueOrDefault("fullTime") as bool? ?? true,
            Sessions(input.GetValueOrDefault("sessions")) ?? [],
            ReferralId: null,
            input.GetValueOrDefault("objectives") is IEnumerable<object?> objectives ? [.. objectives.Select(o => o?.ToString() ?? "")] : ["Full-time education from the sixth school day"],
            input.GetValueOrDefault("reviewEveryWeeks") as int? ?? 4,
            Route: route,
            Tier: input.GetValueOrDefault("tier") as ApTier?,
            ExclusionId: exclusionId,
            By: PlacementMutations.ActorOf(caller));
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).StartPlacementAsync(request));
        return new PlacementView(snapshot.Placements.Last(p => p.ExclusionId == exclusionId), pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> AmendPlacementAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var (pupil, placement) = await LoadForCommissionerAsync(context, input["placementId"]!.ToString()!);
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).AmendPlacementAsync(
            placement.PlacementId,
            input.GetValueOrDefault("effectiveFrom") as DateOnly? ?? context.Today(),
            Sessions(input.GetValueOrDefault("sessions")),
            input.GetValueOrDefault("fullTime") as bool?,
            input.GetValueOrDefault("plannedEndDate") as DateOnly?,
            input.GetValueOrDefault("reason") as string,
            PlacementMutations.ActorOf(context.Caller())));
        return new PlacementView(snapshot.Placements.First(p => p.PlacementId == placement.PlacementId), pupil with { Snapshot = snapshot });
    }

    /// <summary>Answers with the new placement; the old one ended MOVED_TO_OTHER_AP and is in the pupil's history.</summary>
    public static async Task<object?> TransferPlacementAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var (pupil, placement) = await LoadForCommissionerAsync(context, input["placementId"]!.ToString()!);
        var toApUrn = await RequireSettingAsync(context, (string)input["toApUrn"]!, "toApUrn");
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).TransferPlacementAsync(
            placement.PlacementId,
            toApUrn,
            input.GetValueOrDefault("date") as DateOnly? ?? context.Today(),
            Sessions(input.GetValueOrDefault("sessions")),
            input.GetValueOrDefault("fullTime") as bool?,
            PlacementMutations.ActorOf(context.Caller())));
        return new PlacementView(snapshot.Placements.Last(p => p.TransferredFrom == placement.PlacementId), pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> SetPupilTimetableAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var pupil = await PupilAccess.LoadAsync(context, input["pupilId"]?.ToString(), "pupilId");
        var caller = context.Caller();
        PupilAccess.RequireLaOrSchool(caller, pupil.Snapshot);
        var effectiveFrom = input.GetValueOrDefault("effectiveFrom") as DateOnly? ?? context.Today();
        var timetable = new PupilTimetable(
            effectiveFrom,
            Sessions(input["homeSchoolSessions"]) ?? [],
            Convert.ToDouble(input.GetValueOrDefault("tuitionHoursPerWeek") ?? 0d, System.Globalization.CultureInfo.InvariantCulture),
            input.GetValueOrDefault("partTimeAgreedBy") as string,
            input.GetValueOrDefault("partTimeEndsOn") as DateOnly?,
            PlacementMutations.ActorOf(caller));
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).SetTimetableAsync(timetable));
        return Packages.On(context, pupil with { Snapshot = snapshot }, effectiveFrom);
    }

    public static async Task<object?> WithdrawReferralAsync(IResolveFieldContext<object?> context)
    {
        var referralId = context.GetArgument<string>("referralId");
        var pupil = await PupilAccess.LoadOwnerAsync(context, referralId, "referralId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).WithdrawReferralAsync(referralId, context.GetArgument<string>("reason")));
        return new ReferralView(snapshot.Referrals.First(r => r.Id == referralId), pupil with { Snapshot = snapshot });
    }

    /// <summary>The commissioner, the LA and the provider plan the way back together; any of them records it.</summary>
    public static async Task<object?> SetReintegrationPlanAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var placementId = input["placementId"]!.ToString()!;
        var pupil = await PupilAccess.LoadOwnerAsync(context, placementId, "placementId");
        var placement = pupil.Snapshot.Placements.FirstOrDefault(p => p.PlacementId == placementId) ?? throw ApGridError.NotFound("placementId", "placement");
        var caller = context.Caller();
        if (!PupilAccess.IsLaOrHomeSchool(caller, pupil.Snapshot)) Access.RequireLaOrStaffOf(caller, Role.ApStaff, placement.ApUrn);
        var plan = new ReintegrationPlan((DateOnly)input["targetDate"]!, [.. ((IEnumerable<object?>)input["steps"]!).Select(s => s?.ToString() ?? "")]);
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).SetReintegrationPlanAsync(placementId, plan));
        return new PlacementView(snapshot.Placements.First(p => p.PlacementId == placementId), pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> RecordReintegrationCheckInAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var placementId = input["placementId"]!.ToString()!;
        var pupil = await PupilAccess.LoadOwnerAsync(context, placementId, "placementId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var checkIn = new ReintegrationCheckIn((DateOnly)input["date"]!, (ReintegrationOutcome)input["outcome"]!, input.GetValueOrDefault("notes") as string);
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).RecordReintegrationCheckInAsync(placementId, checkIn));
        return new PlacementView(snapshot.Placements.First(p => p.PlacementId == placementId), pupil with { Snapshot = snapshot });
    }

    /// <summary>The LA acknowledges or queries; the home school answers. A placement the caller may not act on answers as one that does not exist.</summary>
    public static async Task<object?> RespondToNotificationAsync(IResolveFieldContext<object?> context, LaNotificationStep response, string noteArgument)
    {
        var placementId = context.GetArgument<string>("placementId");
        var pupil = await PupilAccess.LoadOwnerAsync(context, placementId, "placementId");
        var caller = context.Caller();
        var mayAct = response == LaNotificationStep.Answered ? !caller.IsLaOfficer && PupilAccess.IsLaOrHomeSchool(caller, pupil.Snapshot) : caller.IsLaOfficer;
        if (!mayAct) throw ApGridError.Forbidden(response == LaNotificationStep.Answered ? "Only the home school answers the LA's query." : "Only LA officers acknowledge or query a school's notification.");
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).RespondToLaNotificationAsync(
            placementId, response, context.GetArgument<string?>(noteArgument), PlacementMutations.ActorOf(caller)));
        return new PlacementView(snapshot.Placements.First(p => p.PlacementId == placementId), pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> SetConsentPolicyAsync(IResolveFieldContext<object?> context)
    {
        PupilAccess.RequireLa(context.Caller());
        var routes = ((IEnumerable<object?>)context.GetArgument<object>("routes")).Cast<PlacementRoute>().ToList();
        return await context.LocalAuthority().SetConsentPolicyAsync(routes) ?? throw ApGridError.NotFound("tenant", "local authority");
    }

    /// <summary>A live placement's commissioner (the home school for its directions, the LA for its own) or the LA.</summary>
    private static async Task<(PupilView Pupil, PlacementRecord Placement)> LoadForCommissionerAsync(IResolveFieldContext context, string placementId)
    {
        var pupil = await PupilAccess.LoadOwnerAsync(context, placementId, "placementId");
        var placement = pupil.Snapshot.Placements.FirstOrDefault(p => p.PlacementId == placementId) ?? throw ApGridError.NotFound("placementId", "placement");
        var caller = context.Caller();
        var schoolMay = RouteRules.CommissionedBy(placement.Route) == Commissioner.School && PupilAccess.IsLaOrHomeSchool(caller, pupil.Snapshot);
        if (!caller.IsLaOfficer && !schoolMay)
        {
            throw ApGridError.Forbidden($"Only the LA{(RouteRules.CommissionedBy(placement.Route) == Commissioner.School ? " or the home school" : "")} may change a {RouteRules.ContractName(placement.Route)} placement.");
        }

        return (pupil, placement);
    }

    private static async Task<string> RequireSettingAsync(IResolveFieldContext context, string urn, string field) =>
        Urn.TryParse(urn, out _) && await context.TenantGrain<IApSettingGrain>(urn).GetCapacityAsync() is not null
            ? urn
            : throw ApGridError.NotFound(field, "AP setting");

    private static List<Session>? Sessions(object? value) => value is IEnumerable<object?> list ? [.. list.Cast<Session>()] : null;

    private static PlacementNotice? Notice(Dictionary<string, object?>? notice) => notice is null ? null : new(
        (DateOnly)notice["givenOn"]!, (string)notice["place"]!, (string)notice["times"]!, (string)notice["reportTo"]!,
        (string)notice["reviewArrangements"]!, notice.GetValueOrDefault("copiedToLaOn") as DateOnly?);

    private static PupilSnapshot Check(CommandResult<PupilSnapshot> result) => result.Value ?? throw ApGridError.From(result.Error!);
}
