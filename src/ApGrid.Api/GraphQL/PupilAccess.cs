using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Who may see which pupil. The LA sees every pupil of its tenant; a school its own pupils (the home
/// school may be a PRU or a special school, whose staff then see the pupil as its school); an AP
/// setting the pupils placed there now, and only while they are; a special school the pupils on its
/// waiting list (waiting, offered or accepted; not once they declined or took a place elsewhere);
/// partners never see a pupil. A pupil
/// the caller may not see does not exist for them (NOT_FOUND), so existence does not leak.
/// </summary>
public static class PupilAccess
{
    public static bool CanSee(Caller caller, PupilSnapshot pupil)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(pupil);
        return IsLaOrHomeSchool(caller, pupil) || caller.Role switch
        {
            Role.ApStaff => pupil.Placements.Any(p => p.IsActive && p.ApUrn == caller.Urn),
            Role.SpecialSchoolStaff => caller.Urn is { } urn && pupil.IsOnWaitingListOf(urn),
            _ => false,
        };
    }

    /// <summary>The LA, or staff of the school whose roll the pupil is on, whatever kind of school it is.</summary>
    public static bool IsLaOrHomeSchool(Caller caller, PupilSnapshot pupil)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(pupil);
        return caller.IsLaOfficer
            || (caller.Role is Role.SchoolStaff or Role.ApStaff or Role.SpecialSchoolStaff && caller.Urn == pupil.Record.HomeSchoolUrn);
    }

    /// <summary>
    /// A placement's details (objectives, reviews, outcome, destination): the LA and the home school
    /// see every placement; an AP setting's staff only those at their own setting, never where else
    /// the pupil was placed or how it went there. Special-school staff see none.
    /// </summary>
    public static bool MaySeePlacement(Caller caller, PupilSnapshot pupil, PlacementRecord placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return IsLaOrHomeSchool(caller, pupil) || (caller.Role == Role.ApStaff && caller.Urn == placement.ApUrn);
    }

    /// <summary>
    /// The pupil's case: referrals (reasons, strategies tried, the panel), the EHC case, exclusions,
    /// corrections, the week's package and attendance across providers. The LA and the home school
    /// hold it; a setting that takes the pupil sees its own placement and the pupil's needs, not the case.
    /// </summary>
    public static bool MaySeeCase(Caller caller, PupilSnapshot pupil) => IsLaOrHomeSchool(caller, pupil);

    /// <summary>A waiting-list entry: the LA and the home school see every one; a special school's staff their own school's entries.</summary>
    public static bool MaySeeWaitingEntry(Caller caller, PupilSnapshot pupil, string specialSchoolUrn) =>
        IsLaOrHomeSchool(caller, pupil) || caller.ActsFor(Role.SpecialSchoolStaff, specialSchoolUrn);

    /// <summary>A whole postcode places a child's home in a street: only the LA and the home school see it; others its sector.</summary>
    public static string? HomePostcodeFor(Caller caller, PupilSnapshot pupil)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        if (!Postcode.TryParse(pupil.Record.HomePostcode, out var postcode)) return null;
        return IsLaOrHomeSchool(caller, pupil) ? postcode!.Value : postcode!.Sector;
    }

    /// <summary>Loads a pupil the caller may see, or fails with NOT_FOUND naming <paramref name="field"/>.</summary>
    public static Task<PupilView> LoadAsync(IResolveFieldContext context, string? pupilId, string field)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LoadAsync(context.Grains(), context.Caller(), pupilId, field);
    }

    /// <summary>The same for any API: the grain key is built from the caller's tenant, never from input.</summary>
    public static async Task<PupilView> LoadAsync(IGrainFactory grains, Caller caller, string? pupilId, string field)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        if (!PupilIds.IsWellFormed(pupilId)) throw ApGridError.NotFound(field, "pupil");
        var snapshot = await grains.GetGrain<IPupilGrain>(GrainKeys.For(caller.Tenant, pupilId!)).GetAsync();
        return snapshot is not null && CanSee(caller, snapshot) ? new PupilView(snapshot, UpnVisible: true) : throw ApGridError.NotFound(field, "pupil");
    }

    /// <summary>
    /// The pupil that owns a referral, placement or exclusion id, if the caller may see that record.
    /// A malformed id, another tenant's, a pupil or a record the caller may not see and one that does
    /// not exist all answer the same NOT_FOUND, so ids cannot be probed.
    /// </summary>
    public static async Task<PupilView> LoadOwnerAsync(IResolveFieldContext context, string? scopedId, string field)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Caller();
        if (PupilScopedIds.PupilOf(scopedId) is { } pupilId
            && await context.Grains().GetGrain<IPupilGrain>(GrainKeys.For(caller.Tenant, pupilId)).GetAsync() is { } pupil
            && CanSee(caller, pupil)
            && MaySeeRecord(caller, pupil, scopedId!))
        {
            return new PupilView(pupil, UpnVisible: true);
        }

        throw ApGridError.NotFound(field, field switch { "referralId" => "referral", "exclusionId" => "exclusion", _ => "placement" });
    }

    private static bool MaySeeRecord(Caller caller, PupilSnapshot pupil, string id) =>
        pupil.Placements.FirstOrDefault(p => p.PlacementId == id) is { } placement
            ? MaySeePlacement(caller, pupil, placement)
            : (pupil.Referrals.Any(r => r.Id == id) || (pupil.Exclusions ?? []).Any(e => e.Id == id)) && MaySeeCase(caller, pupil);

    /// <summary>The home school's own staff or the LA; anyone else gets FORBIDDEN.</summary>
    public static void RequireLaOrSchool(Caller caller, PupilSnapshot pupil)
    {
        if (!IsLaOrHomeSchool(caller, pupil)) throw ApGridError.Forbidden($"Only the LA or the own staff of {pupil.Record.HomeSchoolUrn} may do this.");
    }

    public static void RequireLa(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsLaOfficer) throw ApGridError.Forbidden("Only the LA may do this.");
    }
}
