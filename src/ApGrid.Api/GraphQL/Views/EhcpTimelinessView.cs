namespace ApGrid.Api.GraphQL.Views;

/// <summary>SEN2's timeliness figure for one calendar year, or all years when <paramref name="CalendarYear"/> is null; counts suppressed as the caller requires.</summary>
public sealed record EhcpTimelinessView(int? CalendarYear, int? FinalIssued, int? ExcludedByException, int? IssuedWithin20Weeks, double? IssuedWithin20WeeksPercent);
