using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace ApGrid.Grains;

public static class ApGridGrainsSiloBuilderExtensions
{
    /// <summary>What every silo that hosts ApGrid grains needs, whatever its storage.</summary>
    public static ISiloBuilder AddApGridGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddIncomingGrainCallFilter<TenantCallFilter>();
        builder.AddOutgoingGrainCallFilter<TenantStampingFilter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
