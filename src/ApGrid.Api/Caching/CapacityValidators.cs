using System.Security.Cryptography;
using System.Text;
using ApGrid.Api.Auth;
using Microsoft.Net.Http.Headers;

namespace ApGrid.Api.Caching;

/// <summary>
/// HTTP validators for answers that follow from the tenant's capacity index alone: an ETag names the
/// index's version, the caller's tenant, role and setting, and the request's path and query; a GET
/// whose If-None-Match holds the ETag of the current version is answered 304 Not Modified without
/// computing anything.
/// </summary>
/// <remarks>
/// The version is read from the LA grain at request time, on whichever node serves the request, so a
/// 304 only confirms what a fresh computation would give now. <c>private, no-cache</c> keeps shared
/// caches from serving one caller's answer to another and makes clients revalidate every time.
/// </remarks>
public static class CapacityValidators
{
    public const string CacheControl = "private, no-cache";

    /// <summary>Answers 304 when the request's If-None-Match holds the ETag of the current version; false otherwise, and nothing written.</summary>
    public static async Task<bool> NotModifiedAsync(HttpContext http, IGrainFactory grains, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        var ifNoneMatch = http.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var held)) return false;

        TenantContext.Set(caller.Tenant);
        var current = await grains.GetGrain<ILocalAuthorityGrain>(caller.Tenant).GetCapacityVersionAsync();
        var etag = For(http.Request, caller, current);
        if (!held.Any(h => h.Compare(etag, useStrongComparison: false))) return false;

        Set(http.Response, etag);
        http.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    /// <summary>Marks a 200 computed from the index at <paramref name="version"/>.</summary>
    public static void Set(HttpContext http, Caller caller, CapacityIndexVersion version)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        Set(http.Response, For(http.Request, caller, version));
    }

    private static void Set(HttpResponse response, EntityTagHeaderValue etag)
    {
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;
        response.Headers.Vary = $"{HeaderNames.Authorization}, {ApiKeyDefaults.HeaderName}";
    }

    /// <summary>
    /// Weak: two answers with one ETag hold the same data, not necessarily the same bytes. The
    /// caller's subject is left out, as nothing in such an answer differs between two callers of one
    /// role and setting; the caller's tenant, role and setting are in, so an ETag never validates
    /// across them.
    /// </summary>
    private static EntityTagHeaderValue For(HttpRequest request, Caller caller, CapacityIndexVersion version)
    {
        var key = string.Join('\n', caller.Tenant, caller.Role, caller.Urn, version.Epoch.ToString("N"), version.Change, request.Path.Value, request.QueryString.Value);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new EntityTagHeaderValue($"\"{Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_')}\"", isWeak: true);
    }
}
