using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class RetentionPolicyTests
{
    [Fact]
    public void The_defaults_are_the_IRMS_periods()
    {
        var policy = new RetentionPolicy();
        Assert.Equal(25, policy.UntilAge(RetainedRecordKind.PupilRecord));
        Assert.Equal(25, policy.UntilAge(RetainedRecordKind.Placement));
        Assert.Equal(31, policy.UntilAge(RetainedRecordKind.Sen));
        Assert.Equal(6, policy.AuditYears);
        Assert.Null(policy.Problem());
    }

    [Theory]
    [InlineData(0, 31, 6, "PupilRecord")]
    [InlineData(25, 101, 6, "Sen")]
    [InlineData(25, 31, 0, "Audit")]
    public void A_period_outside_1_to_100_years_is_a_problem_naming_the_kind(int pupil, int sen, int audit, string named) =>
        Assert.Contains(named, new RetentionPolicy(PupilRecordUntilAge: pupil, SenUntilAge: sen, AuditYears: audit).Problem(), StringComparison.Ordinal);
}
