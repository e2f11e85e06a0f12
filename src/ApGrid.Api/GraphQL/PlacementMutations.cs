using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// The journey from a school's referral to a placement and back, as thin resolvers: check who may
/// act, read the input, call the pupil's grain, show what it answered.
/// </summary>
public static class PlacementMutations
{
    public static async Task<object?> RegisterPupilAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var caller = context.Caller();
        var homeSchoolUrn = (string)input["homeSchoolUrn"]!;
        Access.RequireLaOrStaffOf(caller, Role.SchoolStaff, homeSchoolUrn);
        _ = await HomeSchools.FindAsync(context, homeSchoolUrn) ?? throw ApGridError.NotFound("homeSchoolUrn", "school");

        var dateOfBirth = (DateOnly)input["dateOfBirth"]!;
        var record = new PupilRecord(
            (string)input["upn"]!, (string)input["initials"]!, dateOfBirth, homeSchoolUrn, (SenProvision)input["senProvision"]!,
            input.GetValueOrDefault("primaryNeed") as NeedType?, (bool)input["lookedAfter"]!,
            PupilRules.OffsetFor(dateOfBirth, (int)input["yearGroup"]!, context.Today()), input.GetValueOrDefault("homePostcode") as string);
        // The pupil's grain validates, claims the UPN and has the home school list the pupil. A school
        // is answered the same whether or not the UPN is known elsewhere (the LA resolves a match);
        // the LA, which may know, is told.
        var pupil = context.TenantGrain<IPupilGrain>(PupilIds.New());
        var registered = Check(caller.IsLaOfficer ? await pupil.RegisterAsync(record) : await pupil.RegisterFromSchoolAsync(record, ActorOf(caller)));
        return new PupilView(registered, UpnVisible: true);
    }

    /// <summary>Corrects a pupil's record: the LA or the home school; a move of home school needs the receiving school to exist in the tenant.</summary>
    public static async Task<object?> UpdatePupilAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var pupil = await PupilAccess.LoadAsync(context, input["pupilId"]?.ToString(), "pupilId");
        var caller = context.Caller();
        PupilAccess.RequireLaOrSchool(caller, pupil.Snapshot);
        var homeSchoolUrn = input.GetValueOrDefault("homeSchoolUrn") as string;
        if (homeSchoolUrn is not null && await HomeSchools.FindAsync(context, homeSchoolUrn) is null) throw ApGridError.NotFound("homeSchoolUrn", "school");

        var change = new PupilRecordChange(
            ActorOf(caller),
            input.GetValueOrDefault("reason") as string,
            input.GetValueOrDefault("dateOfBirth") as DateOnly?,
            input.GetValueOrDefault("yearGroupOffset") as int?,
            input.GetValueOrDefault("senProvision") as SenProvision?,
            input.GetValueOrDefault("primaryNeed") as NeedType?,
            input.GetValueOrDefault("lookedAfter") as bool?,
            homeSchoolUrn,
            input.GetValueOrDefault("homePostcode") as string);
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).CorrectRecordAsync(change));
        return new PupilView(snapshot, UpnVisible: true);
    }

    public static async Task<object?> SubmitReferralAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var pupil = await PupilAccess.LoadAsync(context, input["pupilId"]?.ToString(), "pupilId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var strategies = ((IEnumerable<object?>)input["strategiesTried"]!).Select(s => s?.ToString() ?? "").ToList();
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).SubmitReferralAsync((string)input["reason"]!, strategies, context.Today()));
        return new ReferralView(snapshot.Referrals[^1], pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> RecordParentalConsentAsync(IResolveFieldContext<object?> context)
    {
        var referralId = context.GetArgument<string>("referralId");
        var pupil = await PupilAccess.LoadOwnerAsync(context, referralId, "referralId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id)
            .RecordParentalConsentAsync(referralId, context.GetArgument<DateOnly>("noticeGivenOn")));
        return Referral(snapshot, referralId, pupil);
    }

    public static async Task<object?> DecideReferralAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var referralId = input["referralId"]!.ToString()!;
        var pupil = await PupilAccess.LoadOwnerAsync(context, referralId, "referralId");
        PupilAccess.RequireLa(context.Caller());
        var panel = ((IEnumerable<object?>)input["panelMembers"]!).Select(s => s?.ToString() ?? "").ToList();
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id)
            .DecideReferralAsync(referralId, (bool)input["approved"]!, panel, (DateOnly)input["decidedOn"]!));
        return Referral(snapshot, referralId, pupil);
    }

    public static async Task<object?> StartPlacementAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var referralId = input["referralId"]!.ToString()!;
        var pupil = await PupilAccess.LoadOwnerAsync(context, referralId, "referralId");
        PupilAccess.RequireLa(context.Caller());
        var apUrn = (string)input["apUrn"]!;
        if (!Urn.TryParse(apUrn, out _) || await context.TenantGrain<IApSettingGrain>(apUrn).GetCapacityAsync() is null)
        {
            throw ApGridError.NotFound("apUrn", "AP setting");
        }

        var request = new PlacementRequest(
            PlacementId: "",
            apUrn,
            DateInputs.Start(context, "startDate", (DateOnly)input["startDate"]!),
            (DateOnly)input["plannedEndDate"]!,
            (bool)input["fullTime"]!,
            [.. ((IEnumerable<object?>)input["sessions"]!).Cast<Session>()],
            referralId,
            [.. ((IEnumerable<object?>)input["objectives"]!).Select(o => o?.ToString() ?? "")],
            (int)input["reviewEveryWeeks"]!,
            input.GetValueOrDefault("idempotencyKey") as string,
            Tier: input.GetValueOrDefault("tier") as ApTier?,
            By: ActorOf(context.Caller()));
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).StartPlacementAsync(request));
        var placement = snapshot.Placements.Last(p => p.ReferralId == referralId);
        return new PlacementView(placement, pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> RecordPlacementReviewAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var placementId = input["placementId"]!.ToString()!;
        var pupil = await PupilAccess.LoadOwnerAsync(context, placementId, "placementId");
        var placement = pupil.Snapshot.Placements.FirstOrDefault(p => p.PlacementId == placementId) ?? throw ApGridError.NotFound("placementId", "placement");
        RequireReviewerOrProvider(context.Caller(), pupil.Snapshot, placement);
        var review = new PlacementReviewRecord(
            (DateOnly)input["date"]!,
            Convert.ToDouble(input["attendancePercent"], System.Globalization.CultureInfo.InvariantCulture),
            (int)input["suspensions"]!, (int)input["participation"]!, (int)input["wellbeing"]!,
            input.GetValueOrDefault("notes") as string);
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id).RecordPlacementReviewAsync(placementId, review));
        return new PlacementView(snapshot.Placements.First(p => p.PlacementId == placementId), pupil with { Snapshot = snapshot });
    }

    public static async Task<object?> EndPlacementAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var placementId = input["placementId"]!.ToString()!;
        var pupil = await PupilAccess.LoadOwnerAsync(context, placementId, "placementId");
        var placement = pupil.Snapshot.Placements.FirstOrDefault(p => p.PlacementId == placementId) ?? throw ApGridError.NotFound("placementId", "placement");
        RequireReviewerOrProvider(context.Caller(), pupil.Snapshot, placement);
        var destination = input.GetValueOrDefault("destination") is Dictionary<string, object?> d
            ? new PlacementDestination((DestinationKind)d["kind"]!, d.GetValueOrDefault("urn") as string, d.GetValueOrDefault("reason") as string)
            : null;
        var snapshot = Check(await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id)
            .EndPlacementAsync(placementId, (DateOnly)input["endDate"]!, (PlacementOutcome)input["outcome"]!, destination));
        return new PlacementView(snapshot.Placements.First(p => p.PlacementId == placementId), pupil with { Snapshot = snapshot });
    }

    /// <summary>The LA, the provider's staff, and the home school for the placements it commissions (it reviews its own directions).</summary>
    private static void RequireReviewerOrProvider(Caller caller, PupilSnapshot pupil, PlacementRecord placement)
    {
        if (RouteRules.ReviewedBy(placement.Route) == Commissioner.School && PupilAccess.IsLaOrHomeSchool(caller, pupil)) return;
        Access.RequireLaOrStaffOf(caller, Role.ApStaff, placement.ApUrn);
    }

    /// <summary>Who did it, for a record's history: the signed-in subject, or the role and setting of a dev token.</summary>
    public static string ActorOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Subject is { Length: > 0 } subject ? subject : $"{RoleNames.NameOf(caller.Role)} {caller.Urn}".TrimEnd();
    }

    private static ReferralView Referral(PupilSnapshot snapshot, string referralId, PupilView pupil) =>
        new(snapshot.Referrals.First(r => r.Id == referralId), pupil with { Snapshot = snapshot });

    private static PupilSnapshot Check(CommandResult<PupilSnapshot> result) => result.Value ?? throw ApGridError.From(result.Error!);
}
