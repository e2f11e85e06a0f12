namespace ApGrid.Domain.Gias;

/// <summary>One row of a GIAS establishment fields file, as far as ApGrid uses it; values are checked, not yet mapped.</summary>
public sealed record GiasEstablishment(
    int Line,
    string Urn,
    string LaCode,
    string LaName,
    string Name,
    int TypeCode,
    string TypeName,
    GiasStatus Status,
    DateOnly? OpenDate,
    DateOnly? CloseDate,
    string PhaseName,
    int? StatutoryLowAge,
    int? StatutoryHighAge,
    IReadOnlyList<NeedType> Needs,
    int? PlacesPru,
    string? Ukprn,
    string? Postcode,
    GeoPoint? Location)
{
    /// <summary>Open, or open but proposed to close: pupils can be at it.</summary>
    public bool IsOpen => Status is GiasStatus.Open or GiasStatus.OpenProposedToClose;
}
