namespace ApGrid.Grains.Abstractions;

/// <summary>The LA's assessment of a provider against one theme of the national standards, with its evidence.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ThemeAssessmentRecord")]
public sealed record ThemeAssessmentRecord(
    [property: Id(0)] StandardsTheme Theme,
    [property: Id(1)] ThemeJudgement Judgement,
    [property: Id(2)] string Evidence);
