namespace ApGrid.Server.Hosting;

/// <summary>Minutes too, so a test can reach a time of day (a register's cut-off) without waiting for it.</summary>
public sealed record DevClockAdvance(int AdvanceDays, int AdvanceMinutes = 0);
