namespace ApGrid.Domain;

/// <summary>
/// The longest one-way journey an LA will arrange, by phase; the defaults follow the DfE
/// home-to-school travel guidance of 45 minutes for primary and 75 for secondary pupils.
/// </summary>
public sealed record JourneyLimits(int PrimaryMinutes = 45, int SecondaryMinutes = 75)
{
    private readonly int _primaryMinutes = CheckPositive(PrimaryMinutes, "primaryMinutes");
    private readonly int _secondaryMinutes = CheckPositive(SecondaryMinutes, "secondaryMinutes");

    public static JourneyLimits Default { get; } = new();

    public int PrimaryMinutes { get => _primaryMinutes; init => _primaryMinutes = CheckPositive(value, "primaryMinutes"); }

    public int SecondaryMinutes { get => _secondaryMinutes; init => _secondaryMinutes = CheckPositive(value, "secondaryMinutes"); }

    public int MaxMinutesFor(Phase phase) => phase switch
    {
        Phase.Primary => PrimaryMinutes,
        Phase.Secondary => SecondaryMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown phase."),
    };

    /// <summary>A journey exactly at the limit is acceptable.</summary>
    public bool IsWithin(TravelEstimate estimate, Phase phase) => estimate.Minutes <= MaxMinutesFor(phase);

    private static int CheckPositive(int value, string field) =>
        value > 0
            ? value
            : throw new DomainRuleException(DomainError.Validation(field, $"{field} must be greater than 0, not {value}."));
}
