namespace ApGrid.Api.GraphQL;

/// <summary>The "GraphQL:Limits" configuration section. A request over any limit is refused before it runs.</summary>
public sealed class GraphQLLimits
{
    public int MaxDepth { get; set; } = 12;

    public int MaxComplexity { get; set; } = 5000;

    public int MaxAliases { get; set; } = 30;

    public int MaxRootFields { get; set; } = 20;

    public int MaxDocumentBytes { get; set; } = 32 * 1024;

    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
