namespace ApGrid.Server.Tests.Storage;

// The natural key Orleans passes with every storage query.
public sealed record StoredGrainKey(
    int IdHash,
    long N0,
    long N1,
    int TypeHash,
    string TypeString,
    string? Extension,
    string ServiceId)
{
    public static StoredGrainKey New(string? extension = null) => new(
        IdHash: 42,
        N0: Random.Shared.NextInt64(),
        N1: Random.Shared.NextInt64(),
        TypeHash: 7,
        TypeString: "apgrid.test",
        Extension: extension,
        ServiceId: "svc-" + Guid.NewGuid().ToString("N"));
}
