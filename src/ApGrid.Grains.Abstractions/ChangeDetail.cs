namespace ApGrid.Grains.Abstractions;

/// <summary>
/// What a change did: the action, a summary that names no pupil, the fields that changed (old and
/// new values in the API's words), the role of whoever made it (null when the system did, as for a
/// deadline falling overdue), and for a deadline its due date.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ChangeDetail")]
public sealed record ChangeDetail(
    [property: Id(0)] ChangeAction Action,
    [property: Id(1)] string Summary,
    [property: Id(2)] IReadOnlyList<ChangedField> Fields,
    [property: Id(3)] string? ActorRole,
    [property: Id(4)] DateOnly? DueOn = null);

/// <summary>One field of a change, named as the API names it, with its values as the API shows them (null: none).</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ChangedField")]
public sealed record ChangedField(
    [property: Id(0)] string Field,
    [property: Id(1)] string? From,
    [property: Id(2)] string? To);
