namespace ApGrid.Domain.Returns;

/// <summary>
/// One validation failure of a return, by pupil: <paramref name="Item"/> is the specification's
/// item name (e.g. "SENtype"), so the LA can find it in the DfE guide.
/// </summary>
public sealed record ReturnFailure(string PupilId, string Upn, string Item, string Message);
