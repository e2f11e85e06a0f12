using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class UrnTests
{
    [Theory]
    [InlineData("100000")]
    [InlineData("000001")]
    [InlineData("999999")]
    public void Parses_six_digits(string value)
    {
        var urn = Urn.Parse(value);

        Assert.Equal(value, urn.Value);
        Assert.Equal(value, urn.ToString());
        Assert.True(Urn.TryParse(value, out var parsed));
        Assert.Equal(urn, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345X")]
    [InlineData("123 45")]
    [InlineData("-12345")]
    public void Rejects_anything_but_six_ascii_digits(string? value)
    {
        var error = Expect.Validation(() => Urn.Parse(value), "urn");
        Assert.Contains("URN", error.Message, StringComparison.Ordinal);
        Assert.False(Urn.TryParse(value, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Default_value_is_empty_not_null()
    {
        Assert.Equal(string.Empty, default(Urn).Value);
    }
}
