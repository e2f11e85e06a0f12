using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rights;

/// <summary>
/// A server of its own for retention: its clock is moved on by years, and its policy is short (every
/// kind of pupil record until 17, the audit one year) so a pupil registered in Year 11 is past it
/// two years later while one in Year 3 is not.
/// </summary>
public sealed class RetentionServerFixture : RunningServerFixture
{
    public const int UntilAge = 17;

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["Retention:PupilRecordUntilAge"] = "17",
        ["Retention:PlacementUntilAge"] = "17",
        ["Retention:ReferralUntilAge"] = "17",
        ["Retention:ExclusionUntilAge"] = "17",
        ["Retention:SenUntilAge"] = "17",
        ["Retention:AuditYears"] = "1",
    };
}
