namespace ApGrid.Domain;

/// <summary>The facts about a pupil that decide whether a provider would have to register as a school to take them.</summary>
public sealed record RegistrationCandidate(bool HasEhcPlan, bool LookedAfter, bool OfCompulsorySchoolAge);
