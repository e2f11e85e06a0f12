namespace ApGrid.Api.Rest;

/// <summary>
/// The body of PUT /api/v1/ap-settings/{urn}/register/{date}. Every member is nullable so that a
/// missing one is refused by name rather than read as a default.
/// </summary>
public sealed record RegisterRequest(IReadOnlyList<RegisterMarkRequest?>? Marks);

/// <summary>One mark: code is the official code ("/", "\\", "L", "C2", ...), session as GraphQL spells it (TUE_AM).</summary>
public sealed record RegisterMarkRequest(string? PupilId, string? Session, string? Code);
