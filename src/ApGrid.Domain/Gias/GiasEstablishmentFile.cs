namespace ApGrid.Domain.Gias;

/// <summary>A GIAS establishment fields file read whole: the rows kept and how the file was encoded.</summary>
public sealed record GiasEstablishmentFile(IReadOnlyList<GiasEstablishment> Establishments, TextEncodingKind Encoding, int Rows);
