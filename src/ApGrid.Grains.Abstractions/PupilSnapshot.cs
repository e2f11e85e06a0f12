namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PupilSnapshot")]
public sealed record PupilSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] PupilRecord Record,
    [property: Id(2)] IReadOnlyList<PlacementRecord> Placements,
    [property: Id(3)] IReadOnlyList<ReferralRecord> Referrals,
    [property: Id(4)] EhcpCaseRecord? Ehcp = null,
    [property: Id(5)] IReadOnlyList<string>? WaitingListEntryIds = null,
    [property: Id(6)] IReadOnlyList<string>? ClosedWaitingListEntryIds = null,
    [property: Id(7)] IReadOnlyList<PupilCorrection>? Corrections = null,
    [property: Id(8)] IReadOnlyList<ExclusionRecord>? Exclusions = null)
{
    public PlacementRecord? CurrentPlacement => Placements.FirstOrDefault(p => p.IsActive);

    /// <summary>Whether the pupil waits on, was offered or accepted a place at this special school (not declined or removed).</summary>
    public bool IsOnWaitingListOf(string specialSchoolUrn) =>
        (WaitingListEntryIds ?? []).Any(id => WaitingListIds.SchoolOf(id) == specialSchoolUrn && !(ClosedWaitingListEntryIds ?? []).Contains(id));
}
