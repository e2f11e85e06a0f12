namespace ApGrid.Server.Hosting;

/// <summary>
/// Development only: the system clock moved forward by an offset that /dev/clock can advance, so a
/// demo or a test can walk a placement through weeks of reviews and deadlines in minutes.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
