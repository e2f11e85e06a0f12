namespace ApGrid.Domain.Gias;

/// <summary>What an establishment becomes in ApGrid, decided by its GIAS type.</summary>
public enum GiasKind
{
    /// <summary>Colleges, universities, nurseries, 16-19 and overseas establishments: not where a pupil of compulsory age is on roll or placed.</summary>
    NotImported,

    /// <summary>A mainstream school: a pupil's home school.</summary>
    School,

    /// <summary>A pupil referral unit, AP academy or AP free school.</summary>
    ApSetting,

    SpecialSchool,
}
