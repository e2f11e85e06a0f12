namespace ApGrid.Seed;

/// <summary>What one run did: tenants written now or found complete from an earlier run, and rows actually inserted.</summary>
public sealed record SeedResult(int TenantsWritten, int TenantsSkipped, long PupilsWritten, long RowsInserted, TimeSpan Elapsed)
{
    public double PupilsPerSecond => Elapsed.TotalSeconds > 0 ? PupilsWritten / Elapsed.TotalSeconds : 0;
}
