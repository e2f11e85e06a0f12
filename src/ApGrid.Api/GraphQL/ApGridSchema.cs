using ApGrid.Api.GraphQL.Types;
using global::GraphQL;
using global::GraphQL.Introspection;
using global::GraphQL.Resolvers;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL;

public sealed class ApGridSchema : Schema
{
    public ApGridSchema(IServiceProvider services) : base(services)
    {
        // What graphql-js's getIntrospectionQuery asks with every option on (GraphiQL, codegen, Apollo,
        // Postman send it): `isRepeatable` on directives and `includeDeprecated` on arguments and input fields.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;

        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        Subscription = services.GetRequiredService<SubscriptionGraphType>();
        RegisterTypeMapping(typeof(DateOnly), typeof(Types.DateGraphType));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(Types.DateTimeGraphType));
        RegisterVisitor(new AuditedReturns());
    }

    /// <summary>
    /// Completes graphql-dotnet 8's introspection types to what the standard query asks (October 2021
    /// spec, and argument deprecation on directives, which graphql-dotnet has on fields only).
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        // None of this schema's scalars points at an outside specification, so the URL is null.
        if (graphType is __Type type && type.GetField("specifiedByURL") is null)
        {
            type.Field<StringGraphType>("specifiedByURL").Resolve(_ => null);
        }

        if (graphType is __Directive directive && directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
            args.Resolver = new FuncFieldResolver<Directive, IEnumerable<QueryArgument>>(context =>
            {
                var includeDeprecated = context.GetArgument<bool>("includeDeprecated");
                return ((IEnumerable<QueryArgument>?)context.Source.Arguments ?? []).Where(a => includeDeprecated || string.IsNullOrWhiteSpace(a.DeprecationReason));
            });
        }
    }
}
