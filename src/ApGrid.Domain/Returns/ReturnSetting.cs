namespace ApGrid.Domain.Returns;

/// <summary>
/// Where a pupil is educated, as a return names it: a URN where GIAS lists the establishment, a UKPRN
/// where the provider has one, and for AP the kind of setting (null for schools and special schools).
/// </summary>
public sealed record ReturnSetting(string? Urn, string? Ukprn, ApSettingType? ApType = null);
