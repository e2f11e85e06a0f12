using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class RegistrationRuleTests
{
    private static readonly RegistrationCandidate CompulsoryAge = new(HasEhcPlan: false, LookedAfter: false, OfCompulsorySchoolAge: true);
    private static readonly RegistrationCandidate Over16 = new(HasEhcPlan: false, LookedAfter: false, OfCompulsorySchoolAge: false);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Unregistered_provider_may_take_a_compulsory_age_pupil_while_below_4(int current)
    {
        Assert.Null(RegistrationRule.CheckFullTimePlacement(false, CompulsoryAge, current));
    }

    [Fact]
    public void Unregistered_provider_with_3_may_take_a_4th()
    {
        Assert.Null(RegistrationRule.CheckFullTimePlacement(false, CompulsoryAge, 3));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(20)]
    public void Unregistered_provider_with_4_is_refused_a_5th(int current)
    {
        var error = RegistrationRule.CheckFullTimePlacement(false, CompulsoryAge, current);

        Expect.Is(error, ErrorCode.Validation, "fullTime");
        Assert.Contains("registered as a school", error!.Message, StringComparison.Ordinal);
        Assert.Contains("5 or more", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(50)]
    public void Pupil_not_of_compulsory_age_does_not_count_towards_the_limit(int current)
    {
        Assert.Null(RegistrationRule.CheckFullTimePlacement(false, Over16, current));
    }

    [Theory]
    [InlineData(true, false, "EHC plan")]
    [InlineData(false, true, "looked after")]
    [InlineData(true, true, "EHC plan and is looked after")]
    public void Unregistered_provider_may_never_take_an_ehc_or_looked_after_pupil_full_time(bool ehc, bool lookedAfter, string reason)
    {
        foreach (var compulsory in new[] { true, false })
        {
            var pupil = new RegistrationCandidate(ehc, lookedAfter, compulsory);

            var error = RegistrationRule.CheckFullTimePlacement(false, pupil, 0);

            Expect.Is(error, ErrorCode.Validation, "apUrn");
            Assert.Contains(reason, error!.Message, StringComparison.Ordinal);
            Assert.Contains("registered as a school", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ehc_or_looked_after_reason_takes_precedence_over_the_count()
    {
        var pupil = new RegistrationCandidate(HasEhcPlan: true, LookedAfter: false, OfCompulsorySchoolAge: true);

        Expect.Is(RegistrationRule.CheckFullTimePlacement(false, pupil, 4), ErrorCode.Validation, "apUrn");
    }

    [Theory]
    [InlineData(false, false, true, 100)]
    [InlineData(true, false, true, 0)]
    [InlineData(false, true, true, 4)]
    [InlineData(true, true, false, 10)]
    public void Registered_provider_is_always_allowed(bool ehc, bool lookedAfter, bool compulsory, int current)
    {
        Assert.Null(RegistrationRule.CheckFullTimePlacement(true, new RegistrationCandidate(ehc, lookedAfter, compulsory), current));
    }

    [Fact]
    public void Guards_against_programming_errors()
    {
        Assert.Throws<ArgumentNullException>(() => RegistrationRule.CheckFullTimePlacement(false, null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegistrationRule.CheckFullTimePlacement(false, CompulsoryAge, -1));
    }
}
