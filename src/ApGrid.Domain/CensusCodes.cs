namespace ApGrid.Domain;

/// <summary>
/// Maps enums to and from the codes used in the DfE school census, so imports and exports
/// never depend on enum names or numeric values.
/// </summary>
/// <remarks>
/// Parsing is exact (upper case, no padding) for the same reason <see cref="Upn"/> is strict:
/// census files are machine-produced, and a malformed code means the file is wrong.
/// </remarks>
public static class CensusCodes
{
    public static string ToCode(SenProvision value) => value switch
    {
        SenProvision.None => "N",
        SenProvision.SenSupport => "K",
        SenProvision.EhcPlan => "E",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown SEN provision."),
    };

    public static SenProvision ParseSenProvision(string code) => code switch
    {
        "N" => SenProvision.None,
        "K" => SenProvision.SenSupport,
        "E" => SenProvision.EhcPlan,
        _ => throw Invalid("senProvision", "SEN provision", "N, K, E", code),
    };

    public static string ToCode(NeedType value) => value switch
    {
        NeedType.Spld => "SPLD",
        NeedType.Mld => "MLD",
        NeedType.Sld => "SLD",
        NeedType.Pmld => "PMLD",
        NeedType.Semh => "SEMH",
        NeedType.Slcn => "SLCN",
        NeedType.Hi => "HI",
        NeedType.Vi => "VI",
        NeedType.Msi => "MSI",
        NeedType.Pd => "PD",
        NeedType.Asd => "ASD",
        NeedType.Ds => "DS",
        NeedType.Oth => "OTH",
        NeedType.Nsa => "NSA",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown SEN need type."),
    };

    public static NeedType ParseNeedType(string code) =>
        TryParseNeedType(code) ?? throw Invalid("needType", "SEN need type", "SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH, NSA", code);

    /// <returns>The need a census code names, or null for anything else.</returns>
    public static NeedType? TryParseNeedType(string code) =>
        Enum.GetValues<NeedType>().Select(n => (NeedType?)n).FirstOrDefault(n => ToCode(n!.Value) == code);

    public static string ToCode(Registration value) => value switch
    {
        Registration.Single => "C",
        Registration.Main => "M",
        Registration.Subsidiary => "S",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown registration."),
    };

    public static Registration ParseRegistration(string code) => code switch
    {
        "C" => Registration.Single,
        "M" => Registration.Main,
        "S" => Registration.Subsidiary,
        _ => throw Invalid("registration", "Enrolment status", "C, M, S", code),
    };

    /// <summary>
    /// The AP census and school census AP placement module's kind of setting. The DfE publishes
    /// this code list with each year's specification; ApGrid could not obtain it, so these are
    /// ApGrid's codes (decision 018), kept here so that one place changes when it is checked.
    /// </summary>
    public static string ToApSettingCode(ApSettingType value) => value switch
    {
        ApSettingType.PupilReferralUnit => "PRU",
        ApSettingType.ApAcademy => "APA",
        ApSettingType.ApFreeSchool => "APF",
        ApSettingType.IndependentSchool => "IND",
        ApSettingType.UnregisteredProvider => "UNR",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown AP setting type."),
    };

    /// <summary>Why the pupil is in AP, by the legal route that placed them (ApGrid's codes, decision 018).</summary>
    public static string ToApReasonCode(PlacementRoute value) => value switch
    {
        PlacementRoute.LaPanel => "PAN",
        PlacementRoute.OffSiteDirection => "OSD",
        PlacementRoute.SuspensionProvision => "SUS",
        PlacementRoute.S19PermanentExclusion => "PEX",
        PlacementRoute.S19HealthOrOther => "S19",
        PlacementRoute.EhcPlanS61 => "S61",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown placement route."),
    };

    /// <summary>Full time (F) or part time (P).</summary>
    public static string ToAttendancePattern(bool fullTime) => fullTime ? "F" : "P";

    /// <summary>SEN2 RequestSource: 1 young person or parent, 2 school or other setting, 3 health, 4 social care, 5 other.</summary>
    public static string ToSen2Code(EhcRequestSource value) => value switch
    {
        EhcRequestSource.Parent => "1",
        EhcRequestSource.School => "2",
        EhcRequestSource.Health => "3",
        EhcRequestSource.SocialCare => "4",
        EhcRequestSource.Other => "5",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown EHC request source."),
    };

    /// <summary>SEN2 CeaseReason 1–9; employment and apprenticeships share code 4.</summary>
    public static string ToSen2Code(EhcCeaseReason value) => value switch
    {
        EhcCeaseReason.MaximumAge => "1",
        EhcCeaseReason.NeedsMetWithoutPlan => "2",
        EhcCeaseReason.HigherEducation => "3",
        EhcCeaseReason.Employment or EhcCeaseReason.Apprenticeship => "4",
        EhcCeaseReason.MovedToAnotherLa => "5",
        EhcCeaseReason.NoLongerEngaging => "6",
        EhcCeaseReason.MovedOutsideEngland => "7",
        EhcCeaseReason.Deceased => "8",
        EhcCeaseReason.Other => "9",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown EHC plan cease reason."),
    };

    /// <summary>
    /// SEN2 SENtype: the school census need codes less NSA, which is a SEN support code and
    /// names no need an EHC plan could be for.
    /// </summary>
    /// <exception cref="DomainRuleException">NSA.</exception>
    public static string ToSen2NeedCode(NeedType value) => value == NeedType.Nsa
        ? throw new DomainRuleException(DomainError.Validation("SENtype", "NSA (no specialist assessment) is not a SEN2 need: an EHC plan names the need it is for."))
        : ToCode(value);

    /// <summary>SEN2 RequestOutcome: A (decided to assess) or N (decided not to); null while undecided.</summary>
    public static string? ToSen2RequestOutcome(EhcpStage value) => value switch
    {
        EhcpStage.Requested => null,
        EhcpStage.NotAssessed => "N",
        EhcpStage.Assessing or EhcpStage.DraftIssued or EhcpStage.FinalIssued or EhcpStage.NotIssued => "A",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown EHC stage."),
    };

    /// <summary>SEN2 AssessmentOutcome: Y (plan issued) or N (decided not to issue); null while assessing.</summary>
    public static string? ToSen2AssessmentOutcome(EhcpStage value) => value switch
    {
        EhcpStage.Requested or EhcpStage.NotAssessed or EhcpStage.Assessing or EhcpStage.DraftIssued => null,
        EhcpStage.FinalIssued => "Y",
        EhcpStage.NotIssued => "N",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown EHC stage."),
    };

    /// <summary>SEN2 SENSetting for arrangements the LA makes under section 61 (education otherwise than at a school).</summary>
    public const string Sen2OtherLaArrangements = "OLA";

    private static DomainRuleException Invalid(string field, string what, string allowed, string? code) =>
        new(DomainError.Validation(
            field,
            code is null ? $"{what} code is required (one of {allowed})." : $"{what} code '{Shorten(code)}' is not one of {allowed}."));

    // Echoing the bad code helps fix a file, but a whole mis-parsed line would swamp the message.
    private static string Shorten(string code) => code.Length <= 10 ? code : string.Concat(code.AsSpan(0, 10), "...");
}
