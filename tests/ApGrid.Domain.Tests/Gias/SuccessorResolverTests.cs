using ApGrid.Domain.Gias;

namespace ApGrid.Domain.Tests.Gias;

public sealed class SuccessorResolverTests
{
    private static GiasLink Link(string urn, string linkUrn, string type = "Successor") => new(urn, linkUrn, "School", type, null);

    private static Func<string, bool> Closed(params string[] urns) => urns.Contains;

    [Fact]
    public void A_conversion_leads_to_the_academy()
    {
        var resolver = new SuccessorResolver([Link("100001", "140001"), Link("140001", "100001", "Predecessor")]);

        var resolution = resolver.Resolve("100001", Closed("100001"));

        Assert.Equal((SuccessorOutcome.One, "140001"), (resolution.Outcome, resolution.Successor));
        Assert.Empty(resolution.Via);
    }

    [Fact]
    public void A_chain_of_two_conversions_passes_through_the_closed_academy()
    {
        var resolver = new SuccessorResolver([Link("100001", "140001"), Link("140001", "150001", "Successor - merged")]);

        var resolution = resolver.Resolve("100001", Closed("100001", "140001"));

        Assert.Equal("150001", resolution.Successor);
        Assert.Equal(["140001"], resolution.Via);
    }

    [Fact]
    public void Reachable_lists_every_URN_down_the_links_without_looping()
    {
        var resolver = new SuccessorResolver([Link("100001", "140001"), Link("140001", "150001"), Link("150001", "100001"), Link("100001", "160001", "Other")]);

        Assert.Equal(["140001", "150001"], resolver.Reachable("100001").Order());
    }

    [Fact]
    public void A_split_gives_several_successors_for_the_LA_to_choose()
    {
        var resolver = new SuccessorResolver([Link("100001", "140001", "Successor - Split School"), Link("100001", "140002", "Successor - Split School")]);

        var resolution = resolver.Resolve("100001", Closed("100001"));

        Assert.Equal(SuccessorOutcome.Ambiguous, resolution.Outcome);
        Assert.Equal(["140001", "140002"], resolution.Successors);
        Assert.Null(resolution.Successor);
    }

    [Fact]
    public void A_cycle_of_closed_schools_has_no_successor()
    {
        var resolver = new SuccessorResolver([Link("100001", "100002", "Successor - merged"), Link("100002", "100001", "Successor - merged")]);

        Assert.Equal(SuccessorOutcome.None, resolver.Resolve("100001", Closed("100001", "100002")).Outcome);
    }

    [Theory]
    [InlineData("Sixth Form Centre Link")]
    [InlineData("Sixth Form Centre School")]
    [InlineData("Predecessor")]
    [InlineData("Result of Amalgamation")]
    [InlineData("Merged - change in age range")]
    [InlineData("Other")]
    public void Links_that_are_not_successions_are_not_followed(string type)
    {
        var resolver = new SuccessorResolver([Link("100001", "140001", type)]);

        Assert.Equal(SuccessorOutcome.None, resolver.Resolve("100001", Closed("100001")).Outcome);
    }

    private static async Task<SuccessorResolver> RealSlice()
    {
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Gias", "Data", "links-slice-20250422.csv"));
        var (links, encoding) = await GiasLinksReader.ReadAsync(file);
        Assert.Equal(TextEncodingKind.Windows1252, encoding);
        Assert.Equal(20, links.Count);
        Assert.Contains(links, l => l.LinkName == "St Thomas à Becket Catholic Secondary School, A Voluntary Academy");
        Assert.Contains(links, l => l.LinkName == "North Star 82°");
        return new SuccessorResolver(links);
    }

    [Fact]
    public async Task Real_links_Grove_Vale_follows_two_conversions_to_Goose_Green_Primary_and_Nursery()
    {
        var resolver = await RealSlice();

        // 100792 Grove Vale → 132022 Goose Green Primary → 138842 (academy) → 145130 Goose Green Primary and Nursery.
        var resolution = resolver.Resolve("100792", Closed("100792", "132022", "138842"));

        Assert.Equal("145130", resolution.Successor);
        Assert.Equal(["132022", "138842"], resolution.Via);
    }

    [Fact]
    public async Task Real_links_Harrington_Junior_split_three_ways()
    {
        var resolver = await RealSlice();

        var resolution = resolver.Resolve("112783", Closed("112783"));

        Assert.Equal(SuccessorOutcome.Ambiguous, resolution.Outcome);
        Assert.Equal(["112582", "112583", "112585"], resolution.Successors);
    }

    [Fact]
    public async Task Real_links_a_merger_listed_from_both_ends_is_a_cycle_not_a_successor()
    {
        var resolver = await RealSlice();

        Assert.Equal(SuccessorOutcome.None, resolver.Resolve("101144", Closed("101144", "101146")).Outcome);
        Assert.Equal("101146", resolver.Resolve("101144", Closed("101144")).Successor);
    }

    [Fact]
    public async Task Real_links_Monson_Primary_goes_to_Hatcham_College_not_the_primary_split_from_it()
    {
        var resolver = await RealSlice();

        // 135073 is open; the split link from it to 147355 (and back) is not followed past an open school.
        Assert.Equal("135073", resolver.Resolve("100697", Closed("100697")).Successor);
    }

    [Fact]
    public async Task Real_links_a_sixth_form_centre_link_is_no_successor()
    {
        var resolver = await RealSlice();

        Assert.Equal(SuccessorOutcome.None, resolver.Resolve("100050", Closed("100050")).Outcome);
    }

    [Fact]
    public void A_links_file_with_another_header_is_refused()
    {
        var error = Assert.Throws<GiasFileException>(() => GiasLinksReader.Read(new StringReader("URN,Other\n100000,1\n")));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_bad_link_URN_is_refused_at_its_line_and_column()
    {
        var text = "\"URN\",\"LinkURN\",\"LinkName\",\"LinkType\",\"LinkEstablishedDate\"\n100001,14001,\"X\",\"Successor\",\"\"\n";

        var error = Assert.Throws<GiasFileException>(() => GiasLinksReader.Read(new StringReader(text)));

        Assert.Equal((2, 8), (error.Line, error.Column));
    }
}
