using ApGrid.Api.GraphQL.Types;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL;

public sealed class ApGridSchema : Schema
{
    public ApGridSchema(IServiceProvider services) : base(services)
    {
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        Subscription = services.GetRequiredService<SubscriptionGraphType>();
        RegisterTypeMapping(typeof(DateOnly), typeof(Types.DateGraphType));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(Types.DateTimeGraphType));
    }
}
