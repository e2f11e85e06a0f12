namespace ApGrid.Seed;

/// <summary>
/// Counters the seeder advances and a display polls, so the seeder never waits on the console.
/// Totals cover only the tenants still to write; tenants found complete are counted as skipped.
/// </summary>
public sealed class SeedProgress
{
    private long rowsWritten;
    private long pupilsWritten;
    private int tenantsWritten;
    private int tenantsSkipped;

    public long TotalRows { get; private set; }

    public long TotalPupils { get; private set; }

    public int TotalTenants { get; private set; }

    public long RowsWritten => Interlocked.Read(ref rowsWritten);

    public long PupilsWritten => Interlocked.Read(ref pupilsWritten);

    public int TenantsWritten => Volatile.Read(ref tenantsWritten);

    public int TenantsSkipped => Volatile.Read(ref tenantsSkipped);

    internal void Plan(int tenants, long rows, long pupils)
    {
        TotalTenants = tenants;
        TotalRows = rows;
        TotalPupils = pupils;
    }

    internal void Skipped() => Interlocked.Increment(ref tenantsSkipped);

    internal void Rows(int count) => Interlocked.Add(ref rowsWritten, count);

    internal void Tenant(int pupils)
    {
        Interlocked.Add(ref pupilsWritten, pupils);
        Interlocked.Increment(ref tenantsWritten);
    }
}
