namespace ApGrid.Api.Gias;

/// <summary>One line of an import's report: an establishment (or pupil) and what happened to it, in words.</summary>
public sealed record GiasReportLine(string Tenant, string Urn, string Name, string What);
