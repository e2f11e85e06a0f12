namespace ApGrid.Server.Board;

/// <summary>A local authority as the sign-in page lists it: its code for the request, its name for people.</summary>
public sealed record BoardTenant(string Code, string Name);
