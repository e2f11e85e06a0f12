using ApGrid.Api.Auth;
using ApGrid.Api.ChangeFeed;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Special-school waiting lists. The LA and the special school's own staff see its whole list;
/// anyone else sees only the entries of pupils they may see. Offers are made by the LA or the
/// special school, but only the LA may offer out of turn; an offer is answered by the LA or the
/// pupil's school on the family's behalf.
/// </summary>
public static class WaitingListQueries
{
    public static Task<List<WaitingListEntryView>> ListAsync(IResolveFieldContext context, string specialSchoolUrn)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ListAsync(context.Grains(), context.Caller(), specialSchoolUrn);
    }

    /// <summary>The open entries of one special school's list that <paramref name="caller"/> may see, for any API.</summary>
    public static async Task<List<WaitingListEntryView>> ListAsync(IGrainFactory grains, Caller caller, string specialSchoolUrn)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        var entries = await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(caller.Tenant, specialSchoolUrn)).GetWaitingListAsync();
        if (caller.IsLaOfficer || caller.ActsFor(Role.SpecialSchoolStaff, specialSchoolUrn))
        {
            return [.. entries.Select(e => new WaitingListEntryView(e, null))];
        }

        // Another special school's list is not theirs to read, even for pupils who wait on both.
        if (caller.Role == Role.SpecialSchoolStaff) return [];

        var pupils = await Task.WhenAll(entries.Select(e => grains.GetGrain<IPupilGrain>(GrainKeys.For(caller.Tenant, e.PupilId)).GetAsync()));
        return [.. entries.Zip(pupils)
            .Where(p => p.Second is not null && PupilAccess.MaySeeWaitingEntry(caller, p.Second, specialSchoolUrn))
            .Select(p => new WaitingListEntryView(p.First, new PupilView(p.Second!, UpnVisible: true)))];
    }

    public static async Task<List<WaitingListEntryView>> ForPupilAsync(IResolveFieldContext context, PupilView pupil)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pupil);
        var caller = context.Caller();
        var ids = (pupil.Snapshot.WaitingListEntryIds ?? [])
            .Where(id => WaitingListIds.SchoolOf(id) is { } school && PupilAccess.MaySeeWaitingEntry(caller, pupil.Snapshot, school));
        var entries = await Task.WhenAll(ids.Select(id =>
            context.TenantGrain<ISpecialSchoolGrain>(WaitingListIds.SchoolOf(id)!).GetEntryAsync(id)));
        return [.. entries.OfType<WaitingListEntryRecord>().Select(e => new WaitingListEntryView(e, pupil))];
    }

    public static async Task<object?> AddAsync(IResolveFieldContext<object?> context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var pupil = await PupilAccess.LoadAsync(context, input["pupilId"]?.ToString(), "pupilId");
        PupilAccess.RequireLaOrSchool(context.Caller(), pupil.Snapshot);
        var urn = input["specialSchoolUrn"] as string;
        if (!Urn.TryParse(urn, out _)) throw ApGridError.Validation("specialSchoolUrn", "specialSchoolUrn must be 6 digits.");
        if (await context.TenantGrain<ISpecialSchoolGrain>(urn!).GetAsync() is null) throw ApGridError.NotFound("specialSchoolUrn", "special school");
        var overrideReason = input.GetValueOrDefault("overrideReason") as string;
        if (!context.Caller().IsLaOfficer && !string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new ApGridError(ErrorCodes.Forbidden, "Only the LA may add a pupil whose primary need the school is not designated for.", "overrideReason");
        }

        var result = await context.TenantGrain<IPupilGrain>(pupil.Snapshot.Id)
            .AddToWaitingListAsync(urn!, DateInputs.Happened(context, "addedOn", (DateOnly)input["addedOn"]!), input.GetValueOrDefault("parentalPreference") is true, overrideReason);
        return new WaitingListEntryView(result.Value ?? throw ApGridError.From(result.Error!), null);
    }

    public static async Task<object?> OfferAsync(IResolveFieldContext<object?> context)
    {
        // Authorised on the school the id names before looking it up, so ids cannot be probed.
        var caller = context.Caller();
        if (WaitingListIds.SchoolOf(context.GetArgument<string>("entryId")) is { } named) Access.RequireLaOrStaffOf(caller, Role.SpecialSchoolStaff, named);
        var (school, entry) = await LoadEntryAsync(context);
        var reason = context.GetArgument<string?>("reason");
        if (!caller.IsLaOfficer && !string.IsNullOrWhiteSpace(reason))
        {
            throw new ApGridError(ErrorCodes.Forbidden, "Only the LA may offer a place out of turn.", "reason");
        }

        var result = await school.OfferPlaceAsync(entry.Id, reason);
        return new WaitingListEntryView(result.Value ?? throw ApGridError.From(result.Error!), null);
    }

    public static async Task<object?> RespondAsync(IResolveFieldContext<object?> context)
    {
        // An entry the caller may not see answers as a missing one: ids cannot be probed.
        var caller = context.Caller();
        var (_, entry) = await LoadEntryAsync(context);
        var pupil = await context.TenantGrain<IPupilGrain>(entry.PupilId).GetAsync();
        if (pupil is null || !PupilAccess.MaySeeWaitingEntry(caller, pupil, entry.SpecialSchoolUrn)) throw ApGridError.NotFound("entryId", "waiting-list entry");
        PupilAccess.RequireLaOrSchool(caller, pupil);
        var result = await context.TenantGrain<IPupilGrain>(entry.PupilId).RespondToOfferAsync(entry.Id, context.GetArgument<bool>("accepted"));
        return new WaitingListEntryView(result.Value ?? throw ApGridError.From(result.Error!), null);
    }

    /// <summary>Every change to an entry of one special school's list (or all of them) that the caller may see.</summary>
    public static IObservable<object?> Stream(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var urn = context.GetArgument<string?>("specialSchoolUrn");
        if (urn is not null && !Urn.TryParse(urn, out _)) throw ApGridError.Validation("specialSchoolUrn", "specialSchoolUrn must be 6 digits.");
        var caller = context.Caller();
        if (caller.Role == Role.Partner) throw ApGridError.Forbidden("Waiting lists name pupils; partners see the report's figures instead.");
        var tenant = caller.Tenant;
        return new ChangeFeedObservable(context.RequestServices!.GetRequiredService<ChangeFeedHub>(), tenant, after: null)
            .Where(e => e.Kind == ChangeKind.WaitingList && WaitingListIds.SchoolOf(e.SubjectId) is { } school && (urn is null || school == urn))
            .SelectAsync(e => TenantContext.RunAsync<object?>(tenant, async () =>
            {
                var entry = await context.TenantGrain<ISpecialSchoolGrain>(WaitingListIds.SchoolOf(e.SubjectId)!).GetEntryAsync(e.SubjectId);
                if (entry is null) return null;
                if (caller.IsLaOfficer || caller.ActsFor(Role.SpecialSchoolStaff, entry.SpecialSchoolUrn)) return new WaitingListEntryView(entry, null);
                if (caller.Role == Role.SpecialSchoolStaff) return null;
                return await VisiblePupilAsync(context, entry.PupilId) is { } pupil && PupilAccess.MaySeeWaitingEntry(caller, pupil.Snapshot, entry.SpecialSchoolUrn)
                    ? new WaitingListEntryView(entry, pupil)
                    : null;
            }))
            .Where(v => v is not null);
    }

    /// <summary>The entry named by the entryId argument, or NOT_FOUND when it is not an entry of this tenant.</summary>
    private static async Task<(ISpecialSchoolGrain School, WaitingListEntryRecord Entry)> LoadEntryAsync(IResolveFieldContext context)
    {
        var entryId = context.GetArgument<string>("entryId");
        if (WaitingListIds.SchoolOf(entryId) is not { } urn) throw ApGridError.NotFound("entryId", "waiting-list entry");
        var school = context.TenantGrain<ISpecialSchoolGrain>(urn);
        return (school, await school.GetEntryAsync(entryId) ?? throw ApGridError.NotFound("entryId", "waiting-list entry"));
    }

    private static async Task<PupilView?> VisiblePupilAsync(IResolveFieldContext context, string pupilId)
    {
        var snapshot = await context.TenantGrain<IPupilGrain>(pupilId).GetAsync();
        return snapshot is not null && PupilAccess.CanSee(context.Caller(), snapshot) ? new PupilView(snapshot, UpnVisible: true) : null;
    }
}
