namespace ApGrid.Server.Tests.Api;

/// <summary>
/// A server of its own for tests that move the Development clock on by years: the shared server's
/// other tests assume its clock stays within weeks of today.
/// </summary>
public sealed class LongClockServerFixture : RunningServerFixture;
