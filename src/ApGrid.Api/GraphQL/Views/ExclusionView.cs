namespace ApGrid.Api.GraphQL.Views;

/// <summary>An exclusion on the record of a pupil the caller may see.</summary>
public sealed record ExclusionView(ExclusionRecord Exclusion, PupilView Pupil);
