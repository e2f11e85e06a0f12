using ApGrid.Api.Audit;
using ApGrid.Api.Auth;

namespace ApGrid.Api.Rest;

/// <summary>What the REST filter settled before a handler runs: the caller and the request's pupil access log.</summary>
public sealed record RestRequest(Caller Caller, PupilAccessLog AccessLog, IGrainFactory Grains)
{
    private static readonly object Key = new();

    public T TenantGrain<T>(string localId) where T : IGrainWithStringKey => Grains.GetGrain<T>(GrainKeys.For(Caller.Tenant, localId));

    public ILocalAuthorityGrain LocalAuthority => Grains.GetGrain<ILocalAuthorityGrain>(Caller.Tenant);

    public static RestRequest Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[Key] as RestRequest ?? throw new InvalidOperationException("REST handlers run behind RestRequestFilter.");
    }

    internal void AttachTo(HttpContext http) => http.Items[Key] = this;
}
