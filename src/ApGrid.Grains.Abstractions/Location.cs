namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.Location")]
public sealed record Location(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude)
{
    public GeoPoint ToGeoPoint() => new(Latitude, Longitude);
}
