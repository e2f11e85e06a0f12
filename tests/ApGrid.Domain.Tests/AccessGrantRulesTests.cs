using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class AccessGrantRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("a.person@la901.gov.uk", null, null)]
    [InlineData(null, "00u1abc", null)]
    [InlineData(null, null, "email")]
    [InlineData("a@b.uk", "sub", "email")]
    [InlineData("no-at-sign.uk", null, "email")]
    [InlineData("two@@b.uk", null, "email")]
    [InlineData("a@nodot", null, "email")]
    [InlineData("a b@la.uk", null, "email")]
    public void A_grant_names_its_person_one_way_with_a_plausible_email(string? email, string? subject, string? field)
    {
        Assert.Equal(field, AccessGrantRules.Check(email, subject, null, Today)?.Field);
    }

    [Fact]
    public void An_expiry_must_be_after_today()
    {
        Assert.Equal("expiresOn", AccessGrantRules.Check("a@b.uk", null, Today, Today)?.Field);
        Assert.Null(AccessGrantRules.Check("a@b.uk", null, Today.AddDays(1), Today));
    }

    [Fact]
    public void A_grant_holds_through_its_expiry_day_and_not_after_on_every_day_of_a_year()
    {
        var expires = Today.AddDays(100);
        for (var day = Today; day < Today.AddDays(365); day = day.AddDays(1))
        {
            Assert.Equal(day <= expires, AccessGrantRules.Holds("a@b.uk", null, expires, "sub", "a@b.uk", day));
        }
    }

    [Fact]
    public void Emails_match_whatever_their_case_and_subjects_only_exactly()
    {
        Assert.True(AccessGrantRules.Holds(AccessGrantRules.NormaliseEmail(" A.Person@LA.uk "), null, null, "x", "a.person@la.UK", Today));
        Assert.True(AccessGrantRules.Holds(null, "Sub-1", null, "Sub-1", null, Today));
        Assert.False(AccessGrantRules.Holds(null, "Sub-1", null, "sub-1", null, Today));
        Assert.False(AccessGrantRules.Holds("a@b.uk", null, null, "x", null, Today));
    }
}
