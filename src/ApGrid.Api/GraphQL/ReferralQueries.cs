using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

public static class ReferralQueries
{
    /// <summary>The panel's worklist, read from the pupils that hold it; a school's staff see their own pupils' referrals only.</summary>
    public static async Task<IReadOnlyList<ReferralView>> OpenReferralsAsync(IResolveFieldContext context)
    {
        var open = await context.LocalAuthority().GetOpenReferralsAsync();
        return [.. (await WorklistPupilsAsync(context, open))
            .SelectMany(p => p.Referrals.Where(r => open.ContainsKey(r.Id) && r.Status is ReferralStatus.Submitted or ReferralStatus.Approved).Select(r => new ReferralView(r, new PupilView(p, UpnVisible: true))))
            .OrderBy(r => r.Referral.SubmittedOn)];
    }

    /// <summary>The LA's awaiting-acknowledgement list (queried ones too), oldest first; a school sees its own pupils'.</summary>
    public static async Task<IReadOnlyList<PlacementView>> PlacementsAwaitingAcknowledgementAsync(IResolveFieldContext context)
    {
        var open = await context.LocalAuthority().GetOpenNotificationsAsync();
        return [.. (await WorklistPupilsAsync(context, open))
            .SelectMany(p => p.Placements
                .Where(pl => open.ContainsKey(pl.PlacementId) && pl.LaNotificationStatus is { } status && LaNotificationRules.IsOpen(status))
                .Select(pl => new PlacementView(pl, new PupilView(p, UpnVisible: true))))
            .OrderBy(v => v.Placement.LaNotification![0].At)];
    }

    /// <summary>The pupils a worklist (item id → pupil id) names that the caller holds the case of: the LA every one, a school its own.</summary>
    private static async Task<IEnumerable<PupilSnapshot>> WorklistPupilsAsync(IResolveFieldContext context, IReadOnlyDictionary<string, string> worklist)
    {
        var caller = context.Caller();
        var pupils = await Task.WhenAll(worklist.Values.Distinct(StringComparer.Ordinal).Select(id => context.TenantGrain<IPupilGrain>(id).GetAsync()));
        return pupils.OfType<PupilSnapshot>().Where(p => PupilAccess.MaySeeCase(caller, p));
    }
}
