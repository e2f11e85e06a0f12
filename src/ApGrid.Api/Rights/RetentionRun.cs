using ApGrid.Api.Auth;
using System.Collections.Concurrent;
using ApGrid.Api.GraphQL;

namespace ApGrid.Api.Rights;

/// <summary>
/// The retention job of one tenant, run by an LA officer: every registered pupil applies the policy
/// (each pupil decides from its own records; see RetentionRules), then the audit trail drops the pages
/// past its period. A dry run reports the same without changing anything.
/// </summary>
public static class RetentionRun
{
    /// <summary>Pupils asked at once: enough to keep a silo busy, few enough not to crowd out requests.</summary>
    private const int Parallelism = 8;

    public static async Task<(IReadOnlyList<RetentionOutcome> Pupils, AuditExpiry Audit)> RunAsync(IGrainFactory grains, Caller caller, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        PupilAccess.RequireLa(caller);
        var role = RoleNames.NameOf(caller.Role);
        var ids = await grains.GetGrain<ILocalAuthorityGrain>(caller.Tenant).GetPupilIdsAsync().ConfigureAwait(false);
        var outcomes = new ConcurrentBag<RetentionOutcome>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, _) =>
        {
            var outcome = await grains.GetGrain<IPupilGrain>(GrainKeys.For(caller.Tenant, id)).ApplyRetentionAsync(dryRun, caller.Subject, role).ConfigureAwait(false);
            if (outcome is { } o && (o.Removed.Count > 0 || o.Held.Count > 0)) outcomes.Add(o);
        }).ConfigureAwait(false);
        var audit = await grains.GetGrain<IAuditTrailGrain>(caller.Tenant).ExpireAsync(dryRun, caller.Subject, role).ConfigureAwait(false);
        return ([.. outcomes.OrderBy(o => o.PupilId, StringComparer.Ordinal)], audit);
    }
}
