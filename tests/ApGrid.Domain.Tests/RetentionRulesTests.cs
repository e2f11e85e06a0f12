using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class RetentionRulesTests
{
    private static readonly RetentionPolicy Policy = new();
    private static readonly DateOnly Born = new(2001, 5, 14);

    private static RetainedRecords Kind(RetainedRecordKind kind, int count = 1, bool open = false) => new(kind, count, open);

    private static readonly RetainedRecords[] Everything =
    [
        Kind(RetainedRecordKind.PupilRecord), Kind(RetainedRecordKind.Placement, 2), Kind(RetainedRecordKind.Referral),
        Kind(RetainedRecordKind.Exclusion), Kind(RetainedRecordKind.Sen),
    ];

    [Fact]
    public void The_day_before_the_25th_birthday_nothing_goes()
    {
        var decision = RetentionRules.Decide(Policy, Born, new DateOnly(2026, 5, 13), Everything);
        Assert.False(decision.ChangesAnything);
        Assert.Empty(decision.Held);
    }

    [Fact]
    public void On_the_25th_birthday_pupil_placement_referral_and_exclusion_records_go_but_SEN_records_and_the_identity_stay_to_31()
    {
        var decision = RetentionRules.Decide(Policy, Born, new DateOnly(2026, 5, 14), Everything);
        Assert.Equal([RetainedRecordKind.Placement, RetainedRecordKind.Referral, RetainedRecordKind.Exclusion], decision.Remove);
        Assert.False(decision.EraseIdentity);
    }

    [Fact]
    public void On_the_31st_birthday_everything_goes_with_the_identity()
    {
        var decision = RetentionRules.Decide(Policy, Born, new DateOnly(2032, 5, 14), Everything);
        Assert.Equal(4, decision.Remove.Count);
        Assert.True(decision.EraseIdentity);
    }

    [Fact]
    public void A_pupil_without_SEN_records_is_erased_at_25()
    {
        RetainedRecords[] held = [Kind(RetainedRecordKind.PupilRecord), Kind(RetainedRecordKind.Placement), Kind(RetainedRecordKind.Sen, count: 0)];
        Assert.True(RetentionRules.Decide(Policy, Born, new DateOnly(2026, 5, 14), held).EraseIdentity);
    }

    [Fact]
    public void An_open_record_is_held_past_its_period_and_holds_the_identity()
    {
        RetainedRecords[] held = [Kind(RetainedRecordKind.PupilRecord), Kind(RetainedRecordKind.Placement, open: true), Kind(RetainedRecordKind.Referral)];
        var decision = RetentionRules.Decide(Policy, Born, new DateOnly(2040, 1, 1), held);
        Assert.Equal([RetainedRecordKind.Referral], decision.Remove);
        Assert.Equal([RetainedRecordKind.Placement], decision.Held);
        Assert.False(decision.EraseIdentity);
    }

    [Fact]
    public void Each_period_is_the_policys_own()
    {
        var policy = new RetentionPolicy(PupilRecordUntilAge: 30, PlacementUntilAge: 20);
        RetainedRecords[] held = [Kind(RetainedRecordKind.PupilRecord), Kind(RetainedRecordKind.Placement)];
        var at26 = RetentionRules.Decide(policy, Born, Born.AddYears(26), held);
        Assert.Equal([RetainedRecordKind.Placement], at26.Remove);
        Assert.False(at26.EraseIdentity);
        Assert.True(RetentionRules.Decide(policy, Born, Born.AddYears(30), held).EraseIdentity);
    }

    [Fact]
    public void For_every_birthday_over_ten_years_nothing_is_due_the_day_before_and_everything_on_the_day()
    {
        for (var born = new DateOnly(1995, 1, 1); born < new DateOnly(2005, 1, 1); born = born.AddDays(1))
        {
            foreach (var kind in Enum.GetValues<RetainedRecordKind>())
            {
                var due = RetentionRules.DueOn(Policy, kind, born);
                RetainedRecords[] held = [Kind(RetainedRecordKind.PupilRecord), Kind(kind)];
                Assert.DoesNotContain(kind, RetentionRules.Decide(Policy, born, due.AddDays(-1), held).Remove);
                Assert.False(RetentionRules.Decide(Policy, born, due.AddDays(-1), held).EraseIdentity);
                if (kind != RetainedRecordKind.PupilRecord) Assert.Contains(kind, RetentionRules.Decide(Policy, born, due, held).Remove);
                Assert.Equal(born.Month == 2 && born.Day == 29 ? 28 : born.Day, due.Day);
            }
        }
    }

    [Fact]
    public void Audit_entries_older_than_the_audit_period_are_past()
    {
        var now = new DateTimeOffset(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), RetentionRules.AuditCutoff(Policy, now));
        Assert.Equal(new DateTimeOffset(2029, 3, 1, 12, 0, 0, TimeSpan.Zero), RetentionRules.AuditCutoff(Policy with { AuditYears = 1 }, now));
    }
}
