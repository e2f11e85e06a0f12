namespace ApGrid.Grains;

/// <summary>
/// Every call one of our grains makes carries the tenant of the grain making it, taken from its own
/// key. Timers and reminders run with no request context, and a grain only ever calls grains of its
/// own tenant, so grains never set the tenant themselves; <see cref="TenantCallFilter"/> then checks
/// it at the receiving grain as for any other call.
/// </summary>
public sealed class TenantStampingFilter : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SourceContext?.GrainInstance is Grain source && IsApGridGrain(source.GetType())
            ? StampedAsync(context, GrainKeys.TenantOf(source.GetPrimaryKeyString()))
            : context.Invoke();
    }

    // Async so the tenant set here stays with this call and never leaks into the calling grain's own flow;
    // calls from outside a grain (the API's, which set the tenant themselves) skip the state machine.
    private static async Task StampedAsync(IOutgoingGrainCallContext context, string tenant)
    {
        TenantContext.Set(tenant);
        await context.Invoke();
    }

    // Our grains are all string-keyed by tenant; anything else (Orleans's own grains) is left alone.
    private static bool IsApGridGrain(Type type) =>
        type.Namespace == typeof(TenantStampingFilter).Namespace && typeof(IGrainWithStringKey).IsAssignableFrom(type);
}
