namespace ApGrid.Domain;

/// <summary>
/// The LA's periods for provider assurance, all configurable (Assurance section of the settings).
/// Defaults: approval for 12 months and non-school placements of at most 12 weeks, as the product
/// issue (26) sets them: the DfE's August 2025 position that non-school placements are
/// time-limited interventions gives no number, and 12 weeks is about one school term. Vetting
/// confirmation and a visit in person hold for 12 months: re-checked yearly, with the approval.
/// Alerts 30 days before a lapse.
/// </summary>
public sealed record AssurancePolicy(
    int ApprovalMonths = 12,
    int VettingValidMonths = 12,
    int VisitValidMonths = 12,
    int AlertDaysBefore = 30,
    int MaxNonSchoolWeeks = 12)
{
    public static readonly AssurancePolicy Default = new();

    /// <summary>The last day a check done on <paramref name="on"/> holds for <paramref name="months"/> months.</summary>
    public static DateOnly? ValidUntil(DateOnly? on, int months) => on?.AddMonths(months).AddDays(-1);
}
