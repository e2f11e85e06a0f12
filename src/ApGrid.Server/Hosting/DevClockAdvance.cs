namespace ApGrid.Server.Hosting;

public sealed record DevClockAdvance(int AdvanceDays);
