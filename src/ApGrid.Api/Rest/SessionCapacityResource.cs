namespace ApGrid.Api.Rest;

public sealed record SessionCapacityResource(string Session, int Places, int Free);
