using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ProviderStandingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static ProviderEvidence Approved(DateOnly? insurance = null) => new(
        ProviderDecision.Approved, null, Today.AddYears(3), insurance ?? Today.AddYears(2), Today.AddYears(3), Today.AddYears(3));

    [Fact]
    public void An_approval_with_everything_in_date_and_nothing_near_is_green()
    {
        var standing = ProviderStandingRules.Evaluate(Approved(), Today, 30);

        Assert.Equal((ProviderStatus.Approved, Rag.Green), (standing.Status, standing.Rag));
        Assert.Empty(standing.Reasons);
        Assert.True(standing.Commissionable);
    }

    [Fact]
    public void Insurance_turns_the_provider_red_on_the_day_after_it_expires_across_many_dates()
    {
        for (var offset = 0; offset < 400; offset += 7)
        {
            var expiry = Today.AddDays(offset);
            var evidence = Approved(insurance: expiry);

            var onExpiry = ProviderStandingRules.Evaluate(evidence, expiry, 30);
            var dayAfter = ProviderStandingRules.Evaluate(evidence, expiry.AddDays(1), 30);

            Assert.True(onExpiry.Commissionable, $"still insured on {expiry}");
            Assert.Equal((ProviderStatus.Expired, Rag.Red), (dayAfter.Status, dayAfter.Rag));
            Assert.Contains(new ProviderExpiry(ExpiryItem.Insurance, expiry), dayAfter.Lapsed);
            Assert.False(dayAfter.Commissionable);
        }
    }

    [Fact]
    public void A_part_lapsing_within_the_alert_window_turns_it_amber_and_says_what_and_when()
    {
        var standing = ProviderStandingRules.Evaluate(Approved(insurance: Today.AddDays(30)), Today, 30);

        Assert.Equal((ProviderStatus.Approved, Rag.Amber), (standing.Status, standing.Rag));
        Assert.Equal([new ProviderExpiry(ExpiryItem.Insurance, Today.AddDays(30))], standing.ExpiringSoon);
        Assert.Equal("Insurance lapses after 2 December 2026 (in 30 days).", Assert.Single(standing.Reasons));
        Assert.Equal(Rag.Green, ProviderStandingRules.Evaluate(Approved(insurance: Today.AddDays(31)), Today, 30).Rag);
    }

    [Theory]
    [InlineData(ProviderDecision.NotDecided, ProviderStatus.NotApproved)]
    [InlineData(ProviderDecision.NotApproved, ProviderStatus.NotApproved)]
    [InlineData(ProviderDecision.Suspended, ProviderStatus.Suspended)]
    public void Decisions_against_a_provider_stand_whatever_the_dates(ProviderDecision decision, ProviderStatus status)
    {
        var standing = ProviderStandingRules.Evaluate(Approved() with { Decision = decision, Reason = "DSL left" }, Today, 30);

        Assert.Equal((status, Rag.Red), (standing.Status, standing.Rag));
        Assert.False(standing.Commissionable);
    }

    [Fact]
    public void No_record_at_all_is_not_approved()
    {
        var standing = ProviderStandingRules.Evaluate(null, Today, 30);

        Assert.Equal(ProviderStatus.NotApproved, standing.Status);
        Assert.Equal("Not yet assessed by the LA.", Assert.Single(standing.Reasons));
    }

    [Fact]
    public void Conditions_are_amber_but_commissionable_and_missing_evidence_counts_as_lapsed()
    {
        var conditions = ProviderStandingRules.Evaluate(Approved() with { Decision = ProviderDecision.ApprovedWithConditions, Reason = "new DSL trained by March" }, Today, 30);
        var noVisit = ProviderStandingRules.Evaluate(Approved() with { VisitValidUntil = null }, Today, 30);

        Assert.Equal((ProviderStatus.ApprovedWithConditions, Rag.Amber, true), (conditions.Status, conditions.Rag, conditions.Commissionable));
        Assert.Equal(ProviderStatus.Expired, noVisit.Status);
        Assert.Equal("The LA's last visit: none recorded.", Assert.Single(noVisit.Reasons));
    }

    [Fact]
    public void Only_non_school_ap_needs_approval_to_be_commissioned_and_an_override_lets_it_through()
    {
        var suspended = ProviderStandingRules.Evaluate(Approved() with { Decision = ProviderDecision.Suspended, Reason = "concern under investigation" }, Today, 30);

        var refused = ProviderStandingRules.CheckCommissioning("Forest Skills", ApSettingType.UnregisteredProvider, suspended, overridden: false);

        Expect.Is(refused, ErrorCode.Validation, "apUrn");
        Assert.StartsWith(ProviderStandingRules.ApprovedOnlyRule, refused!.Message, StringComparison.Ordinal);
        Assert.Contains("concern under investigation", refused.Message, StringComparison.Ordinal);
        Assert.Null(ProviderStandingRules.CheckCommissioning("Forest Skills", ApSettingType.UnregisteredProvider, suspended, overridden: true));
        Assert.Null(ProviderStandingRules.CheckCommissioning("Hill PRU", ApSettingType.PupilReferralUnit, suspended, overridden: false));
        Assert.Null(ProviderStandingRules.CheckCommissioning("Forest Skills", ApSettingType.UnregisteredProvider, ProviderStandingRules.Evaluate(Approved(), Today, 30), overridden: false));
    }

    [Fact]
    public void Valid_until_is_the_day_before_the_anniversary()
    {
        Assert.Equal(new DateOnly(2027, 3, 14), AssurancePolicy.ValidUntil(new DateOnly(2026, 3, 15), 12));
        Assert.Null(AssurancePolicy.ValidUntil(null, 12));
    }
}
