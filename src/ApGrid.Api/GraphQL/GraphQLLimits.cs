namespace ApGrid.Api.GraphQL;

/// <summary>The "GraphQL:Limits" configuration section. A request over any limit is refused before it runs.</summary>
public sealed class GraphQLLimits
{
    /// <summary>Nesting of data fields; introspection (<c>__schema</c>, <c>__type</c>) is bounded by the introspection rules instead.</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Nested <c>ofType</c> fields in one chain. graphql-js's standard introspection query asks for 9;
    /// no type of this schema wraps more than three deep.
    /// </summary>
    public int MaxOfTypeDepth { get; set; } = 9;

    public int MaxComplexity { get; set; } = 5000;

    public int MaxAliases { get; set; } = 30;

    /// <summary>Data fields in an operation with its fragments expanded; each costs at least one point of complexity, so a document over this is refused before the costlier checks.</summary>
    public int MaxFields { get; set; } = 1000;

    /// <summary>Times one response name may be selected in one selection set (fragments included): graphql-dotnet compares such fields pairwise.</summary>
    public int MaxRepeatedFields { get; set; } = 10;

    public int MaxRootFields { get; set; } = 20;

    public int MaxDocumentBytes { get; set; } = 32 * 1024;

    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
