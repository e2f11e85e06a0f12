using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("https://partner.example/hooks/apgrid")]
    [InlineData("https://partner.example:8443/hooks?tenant=901")]
    public void An_absolute_https_url_is_accepted(string url) => Assert.Null(WebhookRules.CheckUrl(url, allowHttp: false));

    [Theory]
    [InlineData(null, "absolute")]
    [InlineData("", "absolute")]
    [InlineData("/hooks", "https")] // on Unix a rooted path parses as a file: URI
    [InlineData("http://partner.example/hooks", "https")]
    [InlineData("ftp://partner.example/hooks", "https")]
    [InlineData("https://user:pass@partner.example/hooks", "password")]
    [InlineData("https://partner.example/hooks#x", "fragment")]
    public void Anything_else_is_refused_on_url_saying_why(string? url, string reason)
    {
        var error = WebhookRules.CheckUrl(url, allowHttp: false);
        Assert.NotNull(error);
        Assert.Equal("url", error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_is_accepted_only_where_the_operator_allows_it() =>
        Assert.Null(WebhookRules.CheckUrl("http://127.0.0.1:5000/hooks", allowHttp: true));

    [Fact]
    public void A_url_longer_than_2000_characters_is_refused() =>
        Assert.NotNull(WebhookRules.CheckUrl("https://partner.example/" + new string('a', 2000), allowHttp: false));

    [Fact]
    public void No_kinds_is_refused_on_kinds()
    {
        Assert.Equal("kinds", WebhookRules.CheckKinds([])?.Field);
        Assert.Null(WebhookRules.CheckKinds([ChangeKind.Capacity]));
    }

    [Fact]
    public void Retries_follow_the_schedule_and_stop_when_it_is_spent()
    {
        var schedule = WebhookRules.DefaultBackoff;
        Assert.Equal(TimeSpan.FromSeconds(5), WebhookRules.RetryAfter(1, schedule));
        Assert.Equal(TimeSpan.FromMinutes(5), WebhookRules.RetryAfter(2, schedule));
        Assert.Equal(TimeSpan.FromHours(10), WebhookRules.RetryAfter(7, schedule));
        Assert.Null(WebhookRules.RetryAfter(8, schedule));
        Assert.Null(WebhookRules.RetryAfter(0, schedule));
        for (var failed = 1; failed < schedule.Count; failed++)
        {
            Assert.True(WebhookRules.RetryAfter(failed + 1, schedule) >= WebhookRules.RetryAfter(failed, schedule), "the waits never shorten");
        }
    }
}
