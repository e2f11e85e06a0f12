namespace ApGrid.Grains;

/// <summary>
/// One call a change owes another grain, stored with the change itself so that a process killed
/// between the write and the call makes it later rather than never. Each is safe to repeat and is
/// made from the owner's state as it is then: the LA counts a placement's start and end once, and
/// takes a case or a waiting entry as it now stands; a second feed entry only tells subscribers to
/// read again.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.FollowUp")]
public sealed record FollowUp(
    [property: Id(0)] FollowUpKind Kind,
    [property: Id(1)] string SubjectId);
