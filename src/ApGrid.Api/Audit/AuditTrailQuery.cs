using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;

namespace ApGrid.Api.Audit;

/// <summary>
/// Reading the tenant's audit trail, shared by GraphQL's auditTrail and REST's /api/v1/audit: only LA
/// officers, only their own tenant (the grain key comes from the token), and never a write.
/// </summary>
public static class AuditTrailQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <param name="limitField">What the caller's API calls the page size, so a refusal names their field.</param>
    public static async Task<AuditTrailPage> ReadAsync(IGrainFactory grains, Caller caller, string? pupilId, string? after, int? limit, string limitField)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        PupilAccess.RequireLa(caller);
        if (pupilId is not null && !PupilIds.IsWellFormed(pupilId)) throw ApGridError.Validation("pupilId", "pupilId must be a pupil id such as p-0123456789.");
        var from = 0L;
        if (after is not null && !ChangeCursor.TryParse(after, out from)) throw ApGridError.Validation("after", "after must be a cursor from this trail.");
        if (limit is < 1 or > MaxLimit) throw ApGridError.Validation(limitField, $"{limitField} must be from 1 to {MaxLimit}.");
        return await TenantContext.RunAsync(caller.Tenant, () =>
            grains.GetGrain<IAuditTrailGrain>(caller.Tenant).ReadAsync(from, limit ?? DefaultLimit, pupilId)).ConfigureAwait(false);
    }
}
