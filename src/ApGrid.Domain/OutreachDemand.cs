namespace ApGrid.Domain;

/// <summary>An open outreach request as the allocator weighs it. The pupil's details are null when the school did not name one.</summary>
public sealed record OutreachDemand(
    string Id,
    GeoPoint SchoolLocation,
    int SuspensionsThisTerm,
    DateOnly? PupilDateOfBirth,
    KeyStage? PupilKeyStage,
    DateOnly RequestedOn,
    double HoursRequested);
