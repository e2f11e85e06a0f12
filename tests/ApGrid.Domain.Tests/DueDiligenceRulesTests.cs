using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class DueDiligenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    [Fact]
    public void Evidence_of_things_done_is_never_dated_in_the_future()
    {
        Assert.Null(DueDiligenceRules.CheckDone("dslTrainedOn", Today, Today));
        Assert.Null(DueDiligenceRules.CheckDone("dslTrainedOn", null, Today));
        Expect.Is(DueDiligenceRules.CheckDone("dslTrainedOn", Today.AddDays(1), Today), ErrorCode.Validation, "dslTrainedOn");
    }

    [Fact]
    public void A_concern_is_resolved_no_earlier_than_raised()
    {
        Assert.Null(DueDiligenceRules.CheckConcern("raisedOn", Today.AddDays(-3), Today, Today));
        Expect.Is(DueDiligenceRules.CheckConcern("raisedOn", Today.AddDays(-3), Today.AddDays(-4), Today), ErrorCode.Validation, "resolvedOn");
        Expect.Is(DueDiligenceRules.CheckConcern("raisedOn", Today.AddDays(1), null, Today), ErrorCode.Validation, "raisedOn");
    }

    [Fact]
    public void Approval_needs_each_essential_checked_in_person()
    {
        Assert.Null(DueDiligenceRules.CheckApprovable(true, true, true, true, false));
        foreach (var missing in Enumerable.Range(0, 5))
        {
            var flags = Enumerable.Range(0, 5).Select(i => i == missing ? i == 4 : i != 4).ToArray();
            Expect.Is(DueDiligenceRules.CheckApprovable(flags[0], flags[1], flags[2], flags[3], flags[4]), ErrorCode.Validation, "decision");
        }
    }
}
