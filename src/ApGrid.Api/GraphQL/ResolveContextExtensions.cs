using ApGrid.Api.Audit;
using ApGrid.Api.Auth;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

public static class ResolveContextExtensions
{
    public static Caller Caller(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ((ApGridUserContext)context.UserContext).Caller;
    }

    /// <summary>The request's pupil access log: what it gathers is written to the audit trail when the request ends.</summary>
    public static PupilAccessLog AccessLog(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ((ApGridUserContext)context.UserContext).AccessLog;
    }

    /// <summary>
    /// The grain factory, with the caller's tenant put in the request context of this resolver's flow.
    /// Subscription events resolve on flows the request did not start, so every grain access sets it.
    /// </summary>
    public static IGrainFactory Grains(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TenantContext.Set(context.Caller().Tenant);
        ActorContext.Set(RoleNames.NameOf(context.Caller().Role));
        return context.RequestServices!.GetRequiredService<IGrainFactory>();
    }

    /// <summary>A grain of the caller's own tenant: keys are always built from the token, never from input.</summary>
    public static T TenantGrain<T>(this IResolveFieldContext context, string localId) where T : IGrainWithStringKey =>
        context.Grains().GetGrain<T>(GrainKeys.For(context.Caller().Tenant, localId));

    /// <summary>Today by the node's clock (TimeProvider), so deadline logic can be walked forward in tests.</summary>
    public static DateOnly Today(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices!.GetRequiredService<TimeProvider>().Today();
    }

    /// <summary>The deployment's lines for full time (section "Placements"), or the defaults.</summary>
    public static PlacementHoursOptions PlacementHours(this IResolveFieldContext context) =>
        context.RequestServices?.GetService<Microsoft.Extensions.Options.IOptions<PlacementHoursOptions>>()?.Value ?? new PlacementHoursOptions();

    public static ILocalAuthorityGrain LocalAuthority(this IResolveFieldContext context) =>
        context.Grains().GetGrain<ILocalAuthorityGrain>(context.Caller().Tenant);

    /// <summary>Reads a URN argument, refusing a malformed one with VALIDATION naming the argument.</summary>
    public static string UrnArgument(this IResolveFieldContext context, string name)
    {
        var value = context.GetArgument<string>(name);
        return Urn.TryParse(value, out _) ? value : throw ApGridError.Validation(name, $"{name} must be 6 digits.");
    }
}
