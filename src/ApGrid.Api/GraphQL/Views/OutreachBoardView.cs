namespace ApGrid.Api.GraphQL.Views;

/// <summary>The outreach board as one caller may see it; the hour totals are the LA's, like every setting's published hours.</summary>
public sealed record OutreachBoardView(
    IReadOnlyList<OutreachRequestRecord> Open,
    IReadOnlyList<OutreachRequestRecord> Allocated,
    double HoursAvailable,
    double HoursAllocated);
