namespace ApGrid.Domain;

/// <summary>
/// How straight-line distance is turned into a journey: roads are longer than the crow flies
/// (<paramref name="RoadFactor"/>) and door-to-door transport is slow in towns.
/// </summary>
public sealed record TravelSettings(double RoadFactor = 1.3, double AverageSpeedKmh = 30)
{
    private readonly double _roadFactor = CheckPositive(RoadFactor, "roadFactor");
    private readonly double _averageSpeedKmh = CheckPositive(AverageSpeedKmh, "averageSpeedKmh");

    public static TravelSettings Default { get; } = new();

    public double RoadFactor { get => _roadFactor; init => _roadFactor = CheckPositive(value, "roadFactor"); }

    public double AverageSpeedKmh { get => _averageSpeedKmh; init => _averageSpeedKmh = CheckPositive(value, "averageSpeedKmh"); }

    private static double CheckPositive(double value, string field) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new DomainRuleException(DomainError.Validation(field, $"{field} must be a finite number greater than 0, not {value}."));
}
