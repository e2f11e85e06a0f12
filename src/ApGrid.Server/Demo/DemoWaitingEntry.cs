namespace ApGrid.Server.Demo;

public sealed record DemoWaitingEntry(string PupilId, string SpecialSchoolUrn, DateOnly AddedOn);
