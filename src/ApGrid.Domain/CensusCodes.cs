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

    private static DomainRuleException Invalid(string field, string what, string allowed, string? code) =>
        new(DomainError.Validation(
            field,
            code is null ? $"{what} code is required (one of {allowed})." : $"{what} code '{Shorten(code)}' is not one of {allowed}."));

    // Echoing the bad code helps fix a file, but a whole mis-parsed line would swamp the message.
    private static string Shorten(string code) => code.Length <= 10 ? code : string.Concat(code.AsSpan(0, 10), "...");
}
