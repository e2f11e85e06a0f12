using System.Text.Json.Nodes;
using ApGrid.Api.Rights;

namespace ApGrid.Api.Tests.Rights;

public sealed class SubjectAccessHtmlTests
{
    [Theory]
    [InlineData("homeSchoolUrn", "Home school URN")]
    [InlineData("ehcCase", "EHC case")]
    [InlineData("laNotification", "LA notification")]
    [InlineData("dateOfBirth", "Date of birth")]
    public void Member_names_read_as_words(string member, string label) => Assert.Equal(label, SubjectAccessHtml.Label(member));

    [Fact]
    public void Values_read_as_words_codes_stay_as_they_are_and_free_text_is_escaped()
    {
        var page = SubjectAccessHtml.Render(new JsonObject
        {
            ["pupilId"] = "p-0123456789",
            ["record"] = new JsonObject { ["upn"] = "A901900124001", ["primaryNeed"] = "SEMH", ["lookedAfter"] = true },
            ["placements"] = new JsonArray(new JsonObject { ["route"] = "LA_PANEL", ["sessions"] = new JsonArray("MON_AM", "TUE_PM") }),
            ["referrals"] = new JsonArray(new JsonObject { ["reason"] = "<script>alert(1)</script>" }),
            ["audit"] = new JsonArray(new JsonObject { ["api"] = "GRAPHQL_HTTP" }),
            ["exclusions"] = new JsonArray(),
        });

        foreach (var expected in new[] { "A901900124001", "SEMH", "yes", "LA panel", "Mon AM, Tue PM", "GraphQL HTTP", "&lt;script&gt;", "Exclusions</h2><p>None held." })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("LA_PANEL", page, StringComparison.Ordinal);
    }
}
