namespace ApGrid.Domain.Returns;

/// <summary>SEN2 module 5: a plan active on the reference date, its placement, need and latest annual review of the year.</summary>
public sealed record Sen2ActivePlan(Sen2Placement Placement, string? SenType, DateOnly? ReviewMeeting, DateOnly? LastReview);
