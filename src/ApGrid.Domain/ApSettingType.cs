namespace ApGrid.Domain;

/// <summary>The legal form of an alternative provision setting, which decides which rules apply to it.</summary>
public enum ApSettingType
{
    PupilReferralUnit,
    ApAcademy,
    ApFreeSchool,
    IndependentSchool,

    /// <summary>Not registered as a school, so limited by <see cref="RegistrationRule"/>.</summary>
    UnregisteredProvider,
}
