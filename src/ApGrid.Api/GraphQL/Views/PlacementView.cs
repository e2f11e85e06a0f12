namespace ApGrid.Api.GraphQL.Views;

public sealed record PlacementView(PlacementRecord Placement, PupilView Pupil);
