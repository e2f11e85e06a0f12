namespace ApGrid.Domain;

/// <summary>An annual review as the deadlines see it: the meeting, and the LA's decision after it once made.</summary>
public sealed record EhcReviewDates(DateOnly MeetingOn, DateOnly? DecisionOn);
