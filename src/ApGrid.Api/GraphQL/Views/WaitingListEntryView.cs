namespace ApGrid.Api.GraphQL.Views;

/// <summary>A waiting-list entry the caller may see; Pupil is filled when it was reached through its pupil.</summary>
public sealed record WaitingListEntryView(WaitingListEntryRecord Record, PupilView? Pupil);
