namespace ApGrid.Domain;

/// <summary>
/// The school census exclusion reasons, one member per code of the DfE's list (its census code in
/// <see cref="ExclusionReasons"/>): members are stored as numbers, so a new code is added at the end.
/// </summary>
public enum ExclusionReason
{
    PhysicalAssaultAgainstAPupil,
    PhysicalAssaultAgainstAnAdult,
    VerbalAbuseOrThreateningBehaviourAgainstAPupil,
    VerbalAbuseOrThreateningBehaviourAgainstAnAdult,
    UseOrThreatOfUseOfAnOffensiveWeaponOrProhibitedItem,
    Bullying,
    RacistAbuse,
    AbuseAgainstSexualOrientationAndGenderIdentity,
    AbuseRelatingToDisability,
    SexualMisconduct,
    DrugAndAlcoholRelated,
    Damage,
    Theft,
    InappropriateUseOfSocialMediaOrOnlineTechnology,
    WilfulAndRepeatedTransgressionOfProtectiveMeasures,
    PersistentOrGeneralDisruptiveBehaviour,
    Other,
}
