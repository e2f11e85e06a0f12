namespace ApGrid.Server.Tests.Api;

/// <summary>
/// A server of its own for tests that move the Development clock on by years: the shared server's
/// other tests assume its clock stays within weeks of today. Its leaving-age sweep runs every two
/// seconds, so a placement ends within moments of the leaving date the clock reaches; the shared
/// server keeps the default, so demo placements never end under a test that counts them.
/// </summary>
public sealed class LongClockServerFixture : RunningServerFixture
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["Placements:LeavingAgeCheckPeriod"] = "00:00:02",
    };
}
