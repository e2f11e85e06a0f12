namespace ApGrid.Grains;

/// <summary>
/// Defense in depth behind the API's own checks: a call into one of our grains must carry the
/// tenant that owns the grain's key, or it never reaches the grain.
/// </summary>
public sealed class TenantCallFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsApGridInterface(context.InterfaceMethod?.DeclaringType))
        {
            var owner = GrainKeys.TenantOf(context.TargetId.Key.ToString()!);
            var caller = TenantContext.Current;
            if (!string.Equals(caller, owner, StringComparison.Ordinal))
            {
                throw new TenantMismatchException(
                    $"A call for tenant '{caller ?? "(none)"}' was refused by a grain of tenant '{owner}'.");
            }
        }

        return context.Invoke();
    }

    // System interfaces (reminders, lifecycle, extensions) carry no tenant and stay untouched, and so
    // do observers: a node's change listener is not a grain and its key names no tenant.
    private static bool IsApGridInterface(Type? type) =>
        type?.Namespace?.StartsWith("ApGrid.", StringComparison.Ordinal) == true && !typeof(IGrainObserver).IsAssignableFrom(type);
}
