namespace ApGrid.Api.GraphQL.Views;

/// <summary>A pupil the caller may see; UpnVisible says whether the UPN may be shown to them.</summary>
public sealed record PupilView(PupilSnapshot Snapshot, bool UpnVisible);
