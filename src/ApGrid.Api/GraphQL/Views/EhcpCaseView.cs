namespace ApGrid.Api.GraphQL.Views;

/// <summary>An EHC case; Pupil is filled when the case was reached through its pupil.</summary>
public sealed record EhcpCaseView(EhcpCaseEntry Entry, PupilView? Pupil);
