namespace ApGrid.Domain;

/// <summary>
/// How long ApGrid keeps each kind of record: a pupil's records until a birthday (the day of it is
/// past retention), the access audit for a number of years after each access. Defaults follow the
/// IRMS toolkit (ADR 020): pupil records to 25, SEN records to 31 (an EHC plan can run to 25, then
/// six years in which a claim can still be brought), the audit six years.
/// </summary>
public sealed record RetentionPolicy(
    int PupilRecordUntilAge = 25,
    int PlacementUntilAge = 25,
    int ReferralUntilAge = 25,
    int ExclusionUntilAge = 25,
    int SenUntilAge = 31,
    int AuditYears = 6)
{
    public const int MaxYears = 100;

    public int UntilAge(RetainedRecordKind kind) => kind switch
    {
        RetainedRecordKind.PupilRecord => PupilRecordUntilAge,
        RetainedRecordKind.Placement => PlacementUntilAge,
        RetainedRecordKind.Referral => ReferralUntilAge,
        RetainedRecordKind.Exclusion => ExclusionUntilAge,
        RetainedRecordKind.Sen => SenUntilAge,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A period of 0 or less would erase records as they are made, and one over a century is a typing slip: both refused at start-up.</summary>
    public string? Problem() =>
        Enum.GetValues<RetainedRecordKind>().Select(k => (Name: k.ToString(), Years: UntilAge(k))).Append((Name: "Audit", Years: AuditYears))
            .Where(p => p.Years is < 1 or > MaxYears)
            .Select(p => $"Retention for {p.Name} must be from 1 to {MaxYears} years, not {p.Years}.")
            .FirstOrDefault();
}
