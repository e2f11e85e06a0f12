namespace ApGrid.Domain;

/// <summary>
/// Length of stay in AP, each pupil counted once. <see cref="Finished"/>: first year group in AP →
/// last year group in AP → pupils. <see cref="Ongoing"/>: first year group in AP → pupils still in AP.
/// </summary>
public sealed record StayTable(
    IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> Finished,
    IReadOnlyDictionary<int, int> Ongoing);
