namespace ApGrid.Grains;

/// <summary>A waiting-list entry as the special school stores it; Number orders entries added on the same day by arrival; RequestId is the pupil's id for the add that made it, so a repeated add gets this entry again; Key makes its id unguessable.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.WaitingEntry")]
public sealed record WaitingEntry(
    [property: Id(0)] int Number,
    [property: Id(1)] string PupilId,
    [property: Id(2)] DateOnly AddedOn,
    [property: Id(3)] WaitingStatus Status,
    [property: Id(4)] DateOnly? OfferedOn,
    [property: Id(5)] string? OfferReason,
    [property: Id(6)] DateOnly? ClosedOn,
    [property: Id(7)] string? RequestId = null,
    [property: Id(8)] bool ParentalPreference = false,
    [property: Id(9)] string? OverrideReason = null,
    [property: Id(10)] string? Key = null)
{
    /// <summary>The entry's id in the school <paramref name="urn"/>: see <see cref="WaitingListIds"/>.</summary>
    public string IdIn(string urn) => WaitingListIds.For(urn, Number, Key);
}
