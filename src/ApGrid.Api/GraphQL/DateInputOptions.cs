namespace ApGrid.Api.GraphQL;

/// <summary>The "Dates" configuration section.</summary>
public sealed class DateInputOptions
{
    /// <summary>Days a start or an event may lie in the past when given by anyone but the LA (see DateRanges).</summary>
    public int BackdateDays { get; set; } = 14;
}
