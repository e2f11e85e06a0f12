namespace ApGrid.Grains;

/// <summary>The "Retention" configuration section: the retention policy's periods in years (ADR 020).</summary>
public sealed class RetentionOptions
{
    private static readonly RetentionPolicy Defaults = new();

    public int PupilRecordUntilAge { get; set; } = Defaults.PupilRecordUntilAge;

    public int PlacementUntilAge { get; set; } = Defaults.PlacementUntilAge;

    public int ReferralUntilAge { get; set; } = Defaults.ReferralUntilAge;

    public int ExclusionUntilAge { get; set; } = Defaults.ExclusionUntilAge;

    public int SenUntilAge { get; set; } = Defaults.SenUntilAge;

    public int AuditYears { get; set; } = Defaults.AuditYears;

    public RetentionPolicy ToPolicy() => new(PupilRecordUntilAge, PlacementUntilAge, ReferralUntilAge, ExclusionUntilAge, SenUntilAge, AuditYears);
}
