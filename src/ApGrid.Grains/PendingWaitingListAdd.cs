namespace ApGrid.Grains;

/// <summary>A waiting-list add the pupil has begun: the special school it asked and the date the pupil joins the list.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PendingWaitingListAdd")]
public sealed record PendingWaitingListAdd(
    [property: Id(0)] string SpecialSchoolUrn,
    [property: Id(1)] DateOnly AddedOn,
    [property: Id(2)] bool ParentalPreference = false,
    [property: Id(3)] string? OverrideReason = null);
