namespace ApGrid.Domain;

/// <summary>
/// The DfE rule for when a provider must register as an independent school: if it educates
/// full time five or more pupils of compulsory school age, or any one pupil who has an EHC
/// plan or is looked after. Placing a pupil that would cross the line with an unregistered
/// provider would make it an illegal school, so the placement is refused instead.
/// </summary>
public static class RegistrationRule
{
    /// <summary>An unregistered provider may already have this many full-time compulsory-age pupils, but no more.</summary>
    public const int MaxFullTimePupilsUnregistered = 4;

    /// <summary>Checks a full-time placement; part-time placements are outside this rule.</summary>
    /// <returns>null if the placement is allowed.</returns>
    public static DomainError? CheckFullTimePlacement(
        bool providerRegistered,
        RegistrationCandidate pupil,
        int currentFullTimePupilsOfCompulsoryAge)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        ArgumentOutOfRangeException.ThrowIfNegative(currentFullTimePupilsOfCompulsoryAge);

        if (providerRegistered)
        {
            return null;
        }

        // Applied whatever the pupil's age: a stricter reading than the Act, but an EHC plan or
        // looked-after status is exactly where an unregistered full-time placement is least safe.
        var reason = (pupil.HasEhcPlan, pupil.LookedAfter) switch
        {
            (true, true) => "has an EHC plan and is looked after",
            (true, false) => "has an EHC plan",
            (false, true) => "is looked after",
            _ => null,
        };
        if (reason is not null)
        {
            return DomainError.Validation(
                "apUrn",
                $"An unregistered provider cannot take this pupil full time because the pupil {reason}: "
                + "a provider educating any such pupil full time must be registered as a school.");
        }

        if (pupil.OfCompulsorySchoolAge && currentFullTimePupilsOfCompulsoryAge >= MaxFullTimePupilsUnregistered)
        {
            return DomainError.Validation(
                "fullTime",
                $"An unregistered provider already educating {currentFullTimePupilsOfCompulsoryAge} pupils of compulsory school age full time "
                + $"cannot take another: a provider educating {MaxFullTimePupilsUnregistered + 1} or more such pupils full time must be registered as a school.");
        }

        return null;
    }
}
