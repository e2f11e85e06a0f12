namespace ApGrid.Domain;

/// <summary>What an annual review meeting recommends to the LA.</summary>
public enum EhcReviewRecommendation
{
    Maintain,
    Amend,
    Cease,
}
