namespace ApGrid.Api.Rest;

/// <summary>One session's places; session is a GraphQL Session value such as MON_AM.</summary>
public sealed record SessionPlacesRequest(string? Session, int? Places);
