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

    private static readonly GraphQLLimits Defaults = new();

    private static string Nest(string field, int times, string leaf) =>
        string.Concat(Enumerable.Repeat(field + " { ", times)) + leaf + string.Concat(Enumerable.Repeat(" }", times));

    [Fact]
    public void Data_deeper_than_the_limit_is_refused_through_fragments_too()
    {
        var document = GraphQLParser.Parser.Parse("{ ...F } fragment F on Query { " + Nest("a", 13, "b") + " }");

        Assert.Contains("13 levels deep", DocumentLimits.Check(document, Defaults), StringComparison.Ordinal);
        Assert.Null(DocumentLimits.Check(GraphQLParser.Parser.Parse("{ " + Nest("a", 12, "b") + " }"), Defaults));
    }

    [Fact]
    public void Introspection_does_not_count_towards_data_depth_but_its_ofType_chain_is_bounded()
    {
        var standard = "{ __schema { types { fields { args { type { " + Nest("ofType", 9, "name") + " } } } } } }";
        Assert.Null(DocumentLimits.Check(GraphQLParser.Parser.Parse(standard), Defaults));

        var document = GraphQLParser.Parser.Parse("{ __type(name: \"Query\") { ...T } } fragment T on __Type { fields { type { " + Nest("ofType", 20, "name") + " } } }");
        Assert.Contains("ofType chain is 20 deep", DocumentLimits.Check(document, Defaults), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_schema_field_is_refused_even_from_a_fragment()
    {
        var document = GraphQLParser.Parser.Parse("{ __schema { queryType { name } } ...S } fragment S on Query { s: __schema { types { name } } }");

        Assert.Contains("__schema 2 times", DocumentLimits.Check(document, Defaults), StringComparison.Ordinal);
    }

    [Fact]
    public void A_types_members_below_another_member_are_refused()
    {
        Assert.Null(DocumentLimits.Check(GraphQLParser.Parser.Parse("{ __schema { types { fields { type { name } } interfaces { name } } } }"), Defaults));
        Assert.Contains("below another member", DocumentLimits.Check(
            GraphQLParser.Parser.Parse("{ __schema { types { fields { type { fields { name } } } } } }"), Defaults), StringComparison.Ordinal);
        Assert.Contains("below another member", DocumentLimits.Check(
            GraphQLParser.Parser.Parse("{ __type(name: \"Query\") { fields { args { type { inputFields { name } } } } } }"), Defaults), StringComparison.Ordinal);
    }

    [Fact]
    public void Fragments_spread_into_each_other_many_times_stop_at_a_bound()
    {
        var fragments = string.Concat(Enumerable.Range(1, 30).Select(i => $" fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}"));
        var document = GraphQLParser.Parser.Parse("{ ...F30 }" + fragments + " fragment F0 on Query { viewer { tenant } }");

        Assert.Contains("expands to more than", DocumentLimits.Check(document, Defaults), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_a_response_name_across_the_fragments_spread_into_one_selection_set()
    {
        var limits = new GraphQLLimits { MaxRepeatedFields = 3 };
        var fragments = " fragment A on LocalAuthority { name } fragment B on LocalAuthority { name }";

        Assert.Null(DocumentLimits.Check(GraphQLParser.Parser.Parse("{ localAuthority { name ...A ... on LocalAuthority { name } } }" + fragments), limits));
        Assert.Contains("name is selected 4 times", DocumentLimits.Check(
            GraphQLParser.Parser.Parse("{ localAuthority { name ...A ...B ... on LocalAuthority { name } } }" + fragments), limits), StringComparison.Ordinal);

        // The same name in different selection sets is not a repeat.
        Assert.Null(DocumentLimits.Check(GraphQLParser.Parser.Parse("{ localAuthority { name schools { name } apSettings { name } specialSchools { name } } }"), limits));
    }

    [Fact]
    public void Counts_data_fields_with_fragments_expanded_and_introspection_left_out()
    {
        var limits = new GraphQLLimits { MaxFields = 4 };

        Assert.Null(DocumentLimits.Check(GraphQLParser.Parser.Parse("{ localAuthority { code schools { urn } } __schema { types { name kind } } }"), limits));
        Assert.Contains("selects 5 fields", DocumentLimits.Check(
            GraphQLParser.Parser.Parse("{ localAuthority { ...F schools { urn } } } fragment F on LocalAuthority { code name }"), limits), StringComparison.Ordinal);
    }
}
