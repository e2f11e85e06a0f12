namespace ApGrid.Domain;

/// <summary>A WGS84 position in decimal degrees, checked so a swapped or garbled coordinate fails where it enters.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private readonly double _latitude = CheckLatitude(Latitude);
    private readonly double _longitude = CheckLongitude(Longitude);

    public double Latitude { get => _latitude; init => _latitude = CheckLatitude(value); }

    public double Longitude { get => _longitude; init => _longitude = CheckLongitude(value); }

    /// <exception cref="DomainRuleException">A coordinate is out of range or not a number.</exception>
    public static GeoPoint Create(double latitude, double longitude) => new(latitude, longitude);

    private static double CheckLatitude(double value) =>
        value is >= -90 and <= 90
            ? value
            : throw new DomainRuleException(DomainError.Validation("latitude", $"Latitude must be between -90 and 90 degrees, not {value}."));

    private static double CheckLongitude(double value) =>
        value is >= -180 and <= 180
            ? value
            : throw new DomainRuleException(DomainError.Validation("longitude", $"Longitude must be between -180 and 180 degrees, not {value}."));
}
