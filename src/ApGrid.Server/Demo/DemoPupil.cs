using ApGrid.Grains.Abstractions;

namespace ApGrid.Server.Demo;

/// <param name="Reviews">The placement's reviews held so far, oldest first, recorded once it has started.</param>
public sealed record DemoPupil(string Id, PupilRecord Record, PlacementRequest Placement, IReadOnlyList<PlacementReviewRecord> Reviews);
