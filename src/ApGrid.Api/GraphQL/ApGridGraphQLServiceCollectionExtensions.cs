using ApGrid.Api.ChangeFeed;
using ApGrid.Api.GraphQL.Transport;
using global::GraphQL;
using Microsoft.Extensions.Configuration;

namespace ApGrid.Api.GraphQL;

public static class ApGridGraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddApGridGraphQL(this IServiceCollection services, IConfiguration configuration, bool exposeExceptionDetails = false)
    {
        var limits = configuration.GetSection("GraphQL:Limits").Get<GraphQLLimits>() ?? new GraphQLLimits();
        services.AddSingleton(limits);
        services.AddGraphQL(b => b
            .AddSchema<ApGridSchema>()
            .AddGraphTypes(typeof(ApGridSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(_ => new ApGridErrorInfoProvider(exposeExceptionDetails))
            .AddComplexityAnalyzer(o =>
            {
                o.MaxDepth = limits.MaxDepth;
                o.MaxComplexity = limits.MaxComplexity;
            })
            .AddValidationRule(new DocumentLimits(limits)));

        // One instance: graphql-dotnet runs it as a step of every execution, and the HTTP validators read it.
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<global::GraphQL.DI.IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddSingleton(configuration.GetSection("GraphQL:WebSocket").Get<GraphQLWebSocketOptions>() ?? new GraphQLWebSocketOptions());
        services.AddSingleton<WebSocketTokenValidator>();
        services.AddSingleton<GraphQLRequestExecutor>();
        services.AddSingleton<ChangeFeedHub>();
        services.AddSingleton<CapacitySnapshotMemo>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedHub>());
        return services;
    }
}
