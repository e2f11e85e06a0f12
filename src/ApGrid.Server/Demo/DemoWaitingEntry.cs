namespace ApGrid.Server.Demo;

/// <param name="OverrideReason">Set when the school's designation misses the pupil's primary need: the LA's recorded reason.</param>
public sealed record DemoWaitingEntry(string PupilId, string SpecialSchoolUrn, DateOnly AddedOn, string? OverrideReason = null);
