namespace ApGrid.Api.GraphQL.Views;

/// <summary>One row of the sixth-day duties list, as the LA holds it.</summary>
public sealed record SixthDayDutyView(ExclusionDutyStatus Status);
