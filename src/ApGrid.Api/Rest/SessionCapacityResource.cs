namespace ApGrid.Api.Rest;

/// <summary>One half-day session's places; free as the caller may see it (see ApSettingResource).</summary>
public sealed record SessionCapacityResource(string Session, int Places, int Free);
