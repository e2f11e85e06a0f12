namespace ApGrid.Domain.Gias;

/// <summary>How GIAS's values become ApGrid's: establishment type codes, statutory ages and SEN provision names.</summary>
public static class GiasMapping
{
    /// <summary>By TypeOfEstablishment (code), as in GIAS's type list (establishment-types file).</summary>
    public static GiasKind KindOf(int typeCode) => typeCode switch
    {
        // LA maintained (community, voluntary aided/controlled, foundation), CTC, other independent,
        // academy sponsor led and converter, free school, UTC, studio school.
        1 or 2 or 3 or 5 or 6 or 11 or 28 or 34 or 35 or 40 or 41 => GiasKind.School,
        14 or 38 or 42 or 43 => GiasKind.ApSetting,

        // Community, non-maintained, independent and foundation special; academy special (sponsor
        // led and converter); free school special.
        7 or 8 or 10 or 12 or 33 or 36 or 44 => GiasKind.SpecialSchool,
        _ => GiasKind.NotImported,
    };

    /// <returns>Null when the type is not an AP setting.</returns>
    public static ApSettingType? ApSettingTypeOf(int typeCode) => typeCode switch
    {
        14 => ApSettingType.PupilReferralUnit,
        42 or 43 => ApSettingType.ApAcademy,
        38 => ApSettingType.ApFreeSchool,
        _ => null,
    };

    /// <summary>
    /// The key stages of the year groups between the statutory ages: a pupil is in Reception in the
    /// year they turn 5, so the first year group is the low age less 4 (nursery ages count as EYFS)
    /// and the last is the high age less 5 (an 11-16 school ends with Year 11).
    /// </summary>
    /// <returns>Empty when either age is missing or they are the wrong way round.</returns>
    public static IReadOnlyList<KeyStage> KeyStagesOf(int? lowAge, int? highAge)
    {
        if (lowAge is not { } low || highAge is not { } high || high <= low) return [];
        var first = Math.Max(0, low - 4);
        var last = high - 5;
        var stages = new List<KeyStage>();
        for (var year = first; year <= last; year++)
        {
            var stage = SchoolYear.KeyStageOf(year);
            if (!stages.Contains(stage)) stages.Add(stage);
        }

        return stages;
    }

    /// <summary>The phase of a home school: from PhaseOfEducation (name), or from its ages where GIAS gives none.</summary>
    public static Phase PhaseOf(string phaseName, int? lowAge, int? highAge) => phaseName switch
    {
        "Primary" or "Middle deemed primary" or "Nursery" => Phase.Primary,
        "Secondary" or "Middle deemed secondary" or "16 plus" => Phase.Secondary,

        // All-through and "Not applicable": a school that reaches Year 7 teaches secondary pupils.
        _ => highAge is > 11 || (highAge is null && lowAge is >= 11) ? Phase.Secondary : Phase.Primary,
    };

    /// <summary>
    /// A SEN provision name (SEN1…SEN13) as the census need it names: GIAS writes the census code
    /// first ("ASD - Autistic Spectrum Disorder"), and older rows still say BESD, which SEMH replaced in 2014.
    /// </summary>
    /// <returns>Null for a name that is not a census need: the caller refuses it rather than drop it.</returns>
    public static NeedType? NeedOf(string senName)
    {
        ArgumentNullException.ThrowIfNull(senName);
        var dash = senName.IndexOf(" - ", StringComparison.Ordinal);
        var code = (dash < 0 ? senName : senName[..dash]).Trim().ToUpperInvariant();
        return code switch
        {
            "SPLD" => NeedType.Spld,
            "MLD" => NeedType.Mld,
            "SLD" => NeedType.Sld,
            "PMLD" => NeedType.Pmld,
            "SEMH" or "BESD" => NeedType.Semh,
            "SLCN" => NeedType.Slcn,
            "HI" => NeedType.Hi,
            "VI" => NeedType.Vi,
            "MSI" => NeedType.Msi,
            "PD" => NeedType.Pd,
            "ASD" => NeedType.Asd,
            "DS" => NeedType.Ds,
            "OTH" => NeedType.Oth,
            _ => null,
        };
    }
}
