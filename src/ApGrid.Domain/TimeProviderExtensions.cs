namespace ApGrid.Domain;

public static class TimeProviderExtensions
{
    /// <summary>Today's date in UTC: deadlines, waits and school days are counted in whole UTC days everywhere.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}
