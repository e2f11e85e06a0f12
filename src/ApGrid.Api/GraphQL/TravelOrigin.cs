namespace ApGrid.Api.GraphQL;

/// <summary>Where a journey estimate starts.</summary>
public enum TravelOrigin
{
    Home,
    HomeSchool,
}
