namespace ApGrid.Grains.Abstractions;

/// <summary>An annual review meeting, what it recommended, and the LA's decision once made.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.EhcAnnualReviewRecord")]
public sealed record EhcAnnualReviewRecord(
    [property: Id(0)] DateOnly MeetingOn,
    [property: Id(1)] EhcReviewRecommendation Recommendation,
    [property: Id(2)] DateOnly? DecisionOn);
