using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("NE1 4ST", "NE1 4ST", "NE1 4", true)]
    [InlineData("ne14st", "NE1 4ST", "NE1 4", true)]
    [InlineData(" sw1a 1aa ", "SW1A 1AA", "SW1A 1", true)]
    [InlineData("M1 1AE", "M1 1AE", "M1 1", true)]
    [InlineData("B33 8TH", "B33 8TH", "B33 8", true)]
    [InlineData("NE1 4", "NE1 4", "NE1 4", false)]
    public void Whole_postcodes_and_sectors_are_normalised(string text, string value, string sector, bool whole)
    {
        var postcode = Postcode.Parse(text, "homePostcode");

        Assert.Equal(value, postcode.Value);
        Assert.Equal(sector, postcode.Sector);
        Assert.Equal(whole, postcode.IsWhole);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NE1")]
    [InlineData("1NE 4ST")]
    [InlineData("NE1 4SC")]
    [InlineData("NE1 4ST X")]
    [InlineData("N E1 4ST")]
    public void Anything_else_is_refused_naming_the_field(string text)
    {
        Expect.Validation(() => Postcode.Parse(text, "homePostcode"), "homePostcode");
        Assert.False(Postcode.TryParse(text, out _));
    }
}
