namespace ApGrid.Domain;

/// <summary>The LA's assessment of a provider against one theme of the national standards.</summary>
public enum ThemeJudgement
{
    Met,
    PartlyMet,
    NotMet,
}
