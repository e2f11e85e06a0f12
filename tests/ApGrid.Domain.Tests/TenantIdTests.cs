using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class TenantIdTests
{
    [Fact]
    public void Is_an_la_code()
    {
        var tenant = TenantId.Parse("901");

        Assert.Equal("901", tenant.Value);
        Assert.Equal("901", tenant.ToString());
        Assert.Equal(LaCode.Parse("901"), tenant.LaCode);
        Assert.Equal(tenant, new TenantId(LaCode.Parse("901")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9O1")]
    [InlineData("9010")]
    public void Rejects_values_that_are_not_la_codes(string? value)
    {
        Expect.Validation(() => TenantId.Parse(value), "tenantId");
        Assert.False(TenantId.TryParse(value, out _));
    }

    [Fact]
    public void TryParse_succeeds_for_a_valid_code()
    {
        Assert.True(TenantId.TryParse("201", out var tenant));
        Assert.Equal("201", tenant.Value);
    }

    [Fact]
    public void Cannot_be_built_from_a_default_la_code()
    {
        Expect.Validation(() => _ = new TenantId(default), "tenantId");
    }
}
