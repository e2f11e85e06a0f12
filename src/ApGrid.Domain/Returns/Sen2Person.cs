namespace ApGrid.Domain.Returns;

/// <summary>SEN2 module 1: the child or young person, with their request (ApGrid holds one EHC case per pupil).</summary>
public sealed record Sen2Person(string PupilId, string Upn, DateOnly BirthDate, string? Postcode, Sen2Request Request);
