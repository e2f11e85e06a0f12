using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ExclusionReasonsTests
{
    [Fact]
    public void Every_reason_has_its_own_census_code_and_words_and_parses_back()
    {
        var reasons = Enum.GetValues<ExclusionReason>();

        Assert.Equal(reasons.Length, reasons.Select(ExclusionReasons.CensusCode).Distinct().Count());
        Assert.All(reasons, r =>
        {
            Assert.Matches("^[A-Z]{2}$", ExclusionReasons.CensusCode(r));
            Assert.Equal(r, ExclusionReasons.ParseCensusCode(ExclusionReasons.CensusCode(r)));
            Assert.Matches("^[A-Z][a-z ]+$", ExclusionReasons.Words(r));
        });
    }

    [Theory]
    [InlineData(ExclusionReason.PhysicalAssaultAgainstAPupil, "PP")]
    [InlineData(ExclusionReason.VerbalAbuseOrThreateningBehaviourAgainstAnAdult, "VA")]
    [InlineData(ExclusionReason.AbuseAgainstSexualOrientationAndGenderIdentity, "LG")]
    [InlineData(ExclusionReason.InappropriateUseOfSocialMediaOrOnlineTechnology, "MT")]
    [InlineData(ExclusionReason.PersistentOrGeneralDisruptiveBehaviour, "DB")]
    [InlineData(ExclusionReason.Other, "OT")]
    public void Codes_are_the_census_codes(ExclusionReason reason, string code) => Assert.Equal(code, ExclusionReasons.CensusCode(reason));

    [Theory]
    [InlineData("pp")]
    [InlineData("XX")]
    [InlineData("")]
    public void An_unknown_code_names_the_field(string code) => Expect.Validation(() => ExclusionReasons.ParseCensusCode(code), "reason");
}
