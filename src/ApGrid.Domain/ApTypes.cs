namespace ApGrid.Domain;

public static class ApTypes
{
    public static ApType Of(ApSettingType settingType) => settingType switch
    {
        ApSettingType.PupilReferralUnit or ApSettingType.ApAcademy or ApSettingType.ApFreeSchool => ApType.StateFunded,
        ApSettingType.IndependentSchool => ApType.Independent,
        ApSettingType.UnregisteredProvider => ApType.NonSchool,
        _ => throw new ArgumentOutOfRangeException(nameof(settingType), settingType, "Unknown AP setting type."),
    };
}
