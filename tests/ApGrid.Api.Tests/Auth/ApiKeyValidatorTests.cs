using ApGrid.Api.Auth;
using ApGrid.Auth;

namespace ApGrid.Api.Tests.Auth;

public sealed class ApiKeyValidatorTests
{
    private const string Key = "partner-key-0123456789abcdef";

    private static ApiKeyValidator With(string hash, string tenant) =>
        new(new Dictionary<string, ApiKeyEntry> { ["dashboard"] = new() { Hash = hash, Tenant = tenant } });

    [Fact]
    public void A_configured_key_is_a_partner_of_its_tenant_as_the_api_sees_callers()
    {
        var principal = With(ApiKeyValidator.HashOf(Key), "903").Authenticate(Key);

        // The audit trail names a partner system by its key, never by the key itself.
        Assert.Equal(new Caller("903", Role.Partner, null) { Subject = "apikey:dashboard" }, Caller.From(principal));
        Assert.Equal("dashboard", principal!.FindFirst(ApGridClaims.ApiKey)?.Value);
    }

    [Fact]
    public void Upper_case_hex_from_other_tools_matches_too() =>
        Assert.NotNull(With(ApiKeyValidator.HashOf(Key).ToUpperInvariant(), "903").Authenticate(Key));

    [Theory]
    [InlineData("")]
    [InlineData("partner-key-0123456789abcdeF")]
    [InlineData("partner-key-0123456789abcde")]
    public void Any_other_key_is_refused(string presented) =>
        Assert.Null(With(ApiKeyValidator.HashOf(Key), "903").Authenticate(presented));

    [Fact]
    public void The_hash_is_the_sha256_hex_that_sha256sum_prints() =>
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", ApiKeyValidator.HashOf("hello"));

    [Theory]
    [InlineData("not-hex", "903", "Hash")]
    [InlineData("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98", "903", "Hash")]
    [InlineData("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "9x3", "Tenant")]
    public void A_malformed_entry_stops_the_start_naming_the_key(string hash, string tenant, string field)
    {
        var error = Assert.Throws<InvalidOperationException>(() => With(hash, tenant));

        Assert.Contains($"ApiKeys:dashboard:{field}", error.Message, StringComparison.Ordinal);
    }
}
