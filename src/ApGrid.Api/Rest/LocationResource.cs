namespace ApGrid.Api.Rest;

public sealed record LocationResource(double Latitude, double Longitude);
