using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ErasureRulesTests
{
    private static readonly RetainedRecords[] Closed = [new(RetainedRecordKind.PupilRecord, 1, false), new(RetainedRecordKind.Placement, 3, false)];

    [Fact]
    public void A_reason_and_nothing_open_allows_erasure() => Assert.Null(ErasureRules.Check("Registered in error: wrong child", Closed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_reason_is_refused_on_reason(string? reason) => Assert.Equal("reason", ErasureRules.Check(reason, Closed)?.Field);

    [Fact]
    public void A_reason_over_500_characters_is_refused() => Assert.Equal("reason", ErasureRules.Check(new string('x', 501), Closed)?.Field);

    [Theory]
    [InlineData(RetainedRecordKind.Placement, "placement")]
    [InlineData(RetainedRecordKind.Sen, "EHC case")]
    [InlineData(RetainedRecordKind.Referral, "referral")]
    public void An_open_record_refuses_erasure_as_a_conflict_saying_which(RetainedRecordKind kind, string said)
    {
        var error = ErasureRules.Check("Parent asked", [.. Closed, new RetainedRecords(kind, 1, Open: true)]);
        Assert.Equal(ErrorCode.Conflict, error?.Code);
        Assert.Contains(said, error!.Message, StringComparison.Ordinal);
    }
}
