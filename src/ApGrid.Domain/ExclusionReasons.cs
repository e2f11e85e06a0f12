namespace ApGrid.Domain;

/// <summary>The census code and the words of each exclusion reason, so files and screens never show enum names.</summary>
public static class ExclusionReasons
{
    private static readonly Dictionary<ExclusionReason, (string Code, string Words)> Table = new()
    {
        [ExclusionReason.PhysicalAssaultAgainstAPupil] = ("PP", "Physical assault against a pupil"),
        [ExclusionReason.PhysicalAssaultAgainstAnAdult] = ("PA", "Physical assault against an adult"),
        [ExclusionReason.VerbalAbuseOrThreateningBehaviourAgainstAPupil] = ("VP", "Verbal abuse or threatening behaviour against a pupil"),
        [ExclusionReason.VerbalAbuseOrThreateningBehaviourAgainstAnAdult] = ("VA", "Verbal abuse or threatening behaviour against an adult"),
        [ExclusionReason.UseOrThreatOfUseOfAnOffensiveWeaponOrProhibitedItem] = ("OW", "Use or threat of use of an offensive weapon or prohibited item"),
        [ExclusionReason.Bullying] = ("BU", "Bullying"),
        [ExclusionReason.RacistAbuse] = ("RA", "Racist abuse"),
        [ExclusionReason.AbuseAgainstSexualOrientationAndGenderIdentity] = ("LG", "Abuse against sexual orientation and gender identity"),
        [ExclusionReason.AbuseRelatingToDisability] = ("DS", "Abuse relating to disability"),
        [ExclusionReason.SexualMisconduct] = ("SM", "Sexual misconduct"),
        [ExclusionReason.DrugAndAlcoholRelated] = ("DA", "Drug and alcohol related"),
        [ExclusionReason.Damage] = ("DM", "Damage"),
        [ExclusionReason.Theft] = ("TH", "Theft"),
        [ExclusionReason.InappropriateUseOfSocialMediaOrOnlineTechnology] = ("MT", "Inappropriate use of social media or online technology"),
        [ExclusionReason.WilfulAndRepeatedTransgressionOfProtectiveMeasures] = ("PH", "Wilful and repeated transgression of protective measures in place to protect public health"),
        [ExclusionReason.PersistentOrGeneralDisruptiveBehaviour] = ("DB", "Persistent or general disruptive behaviour"),
        [ExclusionReason.Other] = ("OT", "Other"),
    };

    public static string CensusCode(ExclusionReason reason) =>
        Table.TryGetValue(reason, out var entry) ? entry.Code : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion reason.");

    public static string Words(ExclusionReason reason) =>
        Table.TryGetValue(reason, out var entry) ? entry.Words : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion reason.");

    /// <summary>The reason of a census code; exact, like the other census codes.</summary>
    public static ExclusionReason ParseCensusCode(string code)
    {
        foreach (var (reason, entry) in Table)
        {
            if (entry.Code == code) return reason;
        }

        throw new DomainRuleException(DomainError.Validation(
            "reason", $"Exclusion reason code '{code}' is not one of {string.Join(", ", Table.Values.Select(v => v.Code))}."));
    }
}
