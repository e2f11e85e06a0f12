namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The role of whoever made the call, in the schema's words (LA_OFFICER, AP_STAFF, ...), carried in
/// the request context beside the tenant so a grain can say on its feed entries who made a change.
/// </summary>
public static class ActorContext
{
    public const string RequestContextKey = "apgrid.actor-role";

    public static string? Role => Orleans.Runtime.RequestContext.Get(RequestContextKey) as string;

    public static void Set(string role) => Orleans.Runtime.RequestContext.Set(RequestContextKey, role);
}
