using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class LaCodeTests
{
    [Theory]
    [InlineData("901")]
    [InlineData("000")]
    [InlineData("201")]
    public void Parses_three_digits(string value)
    {
        var code = LaCode.Parse(value);

        Assert.Equal(value, code.Value);
        Assert.Equal(value, code.ToString());
        Assert.True(LaCode.TryParse(value, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("9011")]
    [InlineData("90A")]
    [InlineData(" 901")]
    [InlineData("901 ")]
    [InlineData("٩٠١")] // Arabic-Indic digits: digits, but not ASCII
    public void Rejects_anything_but_three_ascii_digits(string? value)
    {
        var error = Expect.Validation(() => LaCode.Parse(value), "laCode");
        Assert.Contains("LA code", error.Message, StringComparison.Ordinal);
        Assert.False(LaCode.TryParse(value, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Constructor_validates_too()
    {
        Expect.Validation(() => _ = new LaCode("12"), "laCode");
    }

    [Fact]
    public void Default_value_is_empty_not_null()
    {
        Assert.Equal(string.Empty, default(LaCode).Value);
        Assert.Equal(string.Empty, default(LaCode).ToString());
    }

    [Fact]
    public void Equal_codes_are_equal()
    {
        Assert.Equal(LaCode.Parse("901"), new LaCode("901"));
        Assert.NotEqual(LaCode.Parse("901"), LaCode.Parse("902"));
    }
}
