using System.Security.Cryptography;
using System.Text;
using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_Standard_Webhooks_reference_example_signs_as_published()
    {
        Assert.Equal(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    [Fact]
    public void A_signature_changes_with_each_of_id_timestamp_body_and_secret()
    {
        var secret = WebhookSignature.NewSecret();
        var signature = WebhookSignature.Sign(secret, "msg_1", 1700000000, "{}");
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_2", 1700000000, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 1700000001, "{}"));
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "msg_1", 1700000000, "{ }"));
        Assert.NotEqual(signature, WebhookSignature.Sign(WebhookSignature.NewSecret(), "msg_1", 1700000000, "{}"));
    }

    [Fact]
    public void Many_new_secrets_are_distinct_whsec_secrets_of_32_bytes_a_receiver_can_use_as_the_specification_says()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => WebhookSignature.NewSecret()).ToList();
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
        foreach (var secret in secrets)
        {
            Assert.True(WebhookSignature.IsSecret(secret));
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            Assert.Equal(32, key.Length);
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("msg_x.42.body")));
            Assert.Equal(expected, WebhookSignature.Sign(secret, "msg_x", 42, "body"));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void Text_that_is_not_a_whsec_secret_of_at_least_24_bytes_is_refused(string? secret) => Assert.False(WebhookSignature.IsSecret(secret));
}
