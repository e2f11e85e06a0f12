using ApGrid.Domain.Returns;

namespace ApGrid.Api.Returns;

/// <summary>
/// Reads what the returns need from a tenant's grains: every pupil on a school's roll, placed at one
/// of its AP settings (now or before) or with an EHC case, with their placements' settings.
/// </summary>
public static class ReturnPupils
{
    /// <param name="sessionsOn">The day whose booked sessions each placement reports (census day).</param>
    public static async Task<IReadOnlyList<ReturnPupil>> ReadAsync(IGrainFactory grains, string tenant, DateOnly sessionsOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var la = grains.GetGrain<ILocalAuthorityGrain>(tenant);
        var registry = await la.GetRegistryAsync();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var school in registry.Schools)
        {
            ids.UnionWith(await grains.GetGrain<ISchoolGrain>(GrainKeys.For(tenant, school.Urn)).GetPupilIdsAsync());
        }

        foreach (var setting in registry.ApSettings)
        {
            var grain = grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, setting.Urn));
            foreach (var active in new[] { true, false }) ids.UnionWith((await grain.GetPlacementsAsync(active)).Select(p => p.PupilId));
        }

        ids.UnionWith((await la.GetEhcpCasesAsync()).Select(c => c.PupilId));
        cancellationToken.ThrowIfCancellationRequested();

        var settings = new Dictionary<string, ReturnSetting>(StringComparer.Ordinal);
        var pupils = new List<ReturnPupil>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            if (await grains.GetGrain<IPupilGrain>(GrainKeys.For(tenant, id)).GetAsync() is not { } snapshot) continue;
            var placements = new List<ReturnPlacement>();
            foreach (var p in snapshot.Placements)
            {
                if (!settings.TryGetValue(p.ApUrn, out var setting))
                {
                    settings[p.ApUrn] = setting = await ApSettingAsync(grains, tenant, p.ApUrn);
                }

                placements.Add(new ReturnPlacement(p.PlacementId, setting, p.Route, p.StartDate, p.EndDate, p.FullTime, p.SessionsOn(sessionsOn).Count));
            }

            pupils.Add(new ReturnPupil(
                snapshot.Id,
                snapshot.Record.Upn,
                snapshot.Record.DateOfBirth,
                snapshot.Record.HomeSchoolUrn,
                snapshot.Record.HomePostcode,
                snapshot.Record.SenProvision,
                snapshot.Record.PrimaryNeed,
                placements,
                snapshot.Ehcp is { } e ? Ehcp(e) : null,
                snapshot.Ehcp is null ? null : await SpecialSchoolAsync(grains, tenant, snapshot)));
            cancellationToken.ThrowIfCancellationRequested();
        }

        return pupils;
    }

    private static ReturnEhcp Ehcp(EhcpCaseRecord e) =>
        new(e.RequestedOn, e.RequestSource, e.Stage, e.DecisionOn, e.FinalIssuedOn, e.NotIssuedOn, e.ExcludedFromTimeliness,
            [.. e.ReviewList.Select(r => new EhcReviewDates(r.MeetingOn, r.DecisionOn))], e.CeasedOn, e.CeaseReason);

    private static async Task<ReturnSetting> ApSettingAsync(IGrainFactory grains, string tenant, string urn)
    {
        var profile = (await grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn)).GetCapacityAsync())?.Profile;

        // A provider GIAS does not list is keyed by the LA's own reference, which is no URN.
        return new ReturnSetting(profile?.LocalReference == true ? null : urn, profile?.Ukprn, profile?.Type);
    }

    /// <summary>The special school whose offered place the pupil accepted last, from the day they accepted it.</summary>
    private static async Task<ReturnSpecialSchool?> SpecialSchoolAsync(IGrainFactory grains, string tenant, PupilSnapshot snapshot)
    {
        ReturnSpecialSchool? accepted = null;
        foreach (var entryId in (snapshot.WaitingListEntryIds ?? []).Concat(snapshot.ClosedWaitingListEntryIds ?? []).Distinct(StringComparer.Ordinal))
        {
            if (WaitingListIds.SchoolOf(entryId) is not { } urn) continue;
            var school = grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(tenant, urn));
            if (await school.GetEntryAsync(entryId) is not { Status: WaitingStatus.Accepted } entry) continue;
            var from = entry.ClosedOn ?? entry.OfferedOn ?? entry.AddedOn;
            if (accepted is not null && accepted.From >= from) continue;
            var profile = (await school.GetAsync())?.Profile;
            accepted = new ReturnSpecialSchool(new ReturnSetting(urn, profile?.Ukprn), from);
        }

        return accepted;
    }
}
