namespace ApGrid.Api.Rights;

/// <summary>One attendance mark at a placement: the official code and what it means.</summary>
public sealed record SubjectAccessMark(string PlacementId, DateOnly Date, Session Session, string Code, string Meaning);
