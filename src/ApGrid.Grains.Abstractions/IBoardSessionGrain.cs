namespace ApGrid.Grains.Abstractions;

/// <summary>
/// One signed-in board session, keyed "{laCode}/{session id}": the server's half of the session
/// cookie, so signing out ends it on every node and a copied cookie dies with it.
/// </summary>
[Alias("ApGrid.IBoardSessionGrain")]
public interface IBoardSessionGrain : IGrainWithStringKey
{
    /// <summary>Keeps the serialized authentication ticket until <paramref name="expires"/>.</summary>
    [Alias("Store")]
    Task StoreAsync(byte[] ticket, DateTimeOffset expires);

    /// <summary>The ticket, or null once the session ended or expired.</summary>
    [AlwaysInterleave, Alias("Get")]
    Task<byte[]?> GetAsync();

    [Alias("End")]
    Task EndAsync();
}
