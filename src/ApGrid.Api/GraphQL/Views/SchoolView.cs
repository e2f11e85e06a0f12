namespace ApGrid.Api.GraphQL.Views;

/// <summary>A mainstream school as GraphQL shows it: its URN with its profile.</summary>
public sealed record SchoolView(string Urn, SchoolProfile Profile);
