using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Transport;

namespace ApGrid.Api.Tests.Transport;

public sealed class DocumentLimitsTests
{
    private static readonly GraphQLLimits Limits = new() { MaxAliases = 3, MaxRootFields = 2 };

    [Fact]
    public void Counts_aliases_in_fragments_and_nested_selections()
    {
        var document = GraphQLParser.Parser.Parse("{ a: viewer { t: tenant } ...F } fragment F on Query { b: viewer { r: role } }");

        Assert.Contains("4 aliases", DocumentLimits.Check(document, Limits), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_root_fields_per_operation()
    {
        Assert.Null(DocumentLimits.Check(GraphQLParser.Parser.Parse("{ viewer { tenant } localAuthority { name } }"), Limits));
        Assert.Contains("3 root fields", DocumentLimits.Check(GraphQLParser.Parser.Parse("{ viewer { tenant } localAuthority { name } report { asOf } }"), Limits), StringComparison.Ordinal);
    }
}
