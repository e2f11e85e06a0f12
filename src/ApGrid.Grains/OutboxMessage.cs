namespace ApGrid.Grains;

/// <summary>
/// One call a stored change still owes another grain, written in the same state as the change
/// (the transactional outbox), so a process killed between the write and the call makes the call
/// later rather than never. Every delivery is idempotent and reads the owner's state as it is then:
/// the LA counts a placement's start and end once, a released place stays released, a second feed
/// entry only tells subscribers to read again.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.OutboxMessage")]
/// <remarks>
/// A message for the change feed carries <see cref="Detail"/>: what the change did, worked out when
/// it was stored (the old values are gone by delivery time).
/// </remarks>
public sealed record OutboxMessage(
    [property: Id(0)] OutboxMessageKind Kind,
    [property: Id(1)] string SubjectId,
    [property: Id(2)] ChangeDetail? Detail = null);
