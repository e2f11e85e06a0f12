using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

public static class ReferralQueries
{
    /// <summary>The panel's worklist, read from the pupils that hold it; a school's staff see their own pupils' referrals only.</summary>
    public static async Task<IReadOnlyList<ReferralView>> OpenReferralsAsync(IResolveFieldContext context)
    {
        var caller = context.Caller();
        var open = await context.LocalAuthority().GetOpenReferralsAsync();
        var pupils = await Task.WhenAll(open.Values.Distinct(StringComparer.Ordinal).Select(id => context.TenantGrain<IPupilGrain>(id).GetAsync()));
        return [.. pupils
            .Where(p => p is not null && PupilAccess.IsLaOrHomeSchool(caller, p))
            .SelectMany(p => p!.Referrals.Where(r => open.ContainsKey(r.Id) && r.Status is ReferralStatus.Submitted or ReferralStatus.Approved).Select(r => new ReferralView(r, new PupilView(p, UpnVisible: true))))
            .OrderBy(r => r.Referral.SubmittedOn)];
    }

    /// <summary>The LA's awaiting-acknowledgement list (queried ones too), oldest first; a school sees its own pupils'.</summary>
    public static async Task<IReadOnlyList<PlacementView>> PlacementsAwaitingAcknowledgementAsync(IResolveFieldContext context)
    {
        var caller = context.Caller();
        var open = await context.LocalAuthority().GetOpenNotificationsAsync();
        var pupils = await Task.WhenAll(open.Values.Distinct(StringComparer.Ordinal).Select(id => context.TenantGrain<IPupilGrain>(id).GetAsync()));
        return [.. pupils
            .Where(p => p is not null && PupilAccess.IsLaOrHomeSchool(caller, p))
            .SelectMany(p => p!.Placements
                .Where(pl => open.ContainsKey(pl.PlacementId) && pl.LaNotificationStatus is { } status && LaNotificationRules.IsOpen(status))
                .Select(pl => new PlacementView(pl, new PupilView(p, UpnVisible: true))))
            .OrderBy(v => v.Placement.LaNotification![0].At)];
    }
}
