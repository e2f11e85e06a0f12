using System.Text;
using Orleans.Runtime;

namespace ApGrid.Storage;

/// <summary>
/// The natural key of one OrleansStorage row, computed exactly as Orleans's ADO.NET grain storage
/// (<see cref="OrleansAdoNetStorage.PinnedVersion"/>, AdoNetGrainStorage and its internal AdoGrainKey)
/// computes it, so a row written here (the group commit, the seed tool) is the row a grain reads on activation:
/// <list type="bullet">
/// <item>GrainTypeString is the state name of [PersistentState("...")]: the storage bridge passes
/// that name, not the grain class, and the provider keeps it as is (no generic arity to strip).</item>
/// <item>The key is parsed the provider's way: a GUID key, else an integer key (hexadecimal, so the
/// LA grain's "901" is N1 = 0x901 with no extension), else a string key held in
/// GrainIdExtensionString with N0 = N1 = 0.</item>
/// <item>Both hashes are Orleans's StableHash (the provider's default hasher) over, for the id, the
/// key bytes reversed on little-endian machines, and for the type, the UTF-8 state name.</item>
/// </list>
/// </summary>
public sealed record GrainStorageRowKey(
    int GrainIdHash,
    long GrainIdN0,
    long GrainIdN1,
    int GrainTypeHash,
    string GrainTypeString,
    string? GrainIdExtensionString)
{
    public static GrainStorageRowKey For(string stateName, string grainKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentException.ThrowIfNullOrEmpty(grainKey);

        // The grain type plays no part in the key parsing, only the key bytes do.
        var grainId = GrainId.Create("apgrid-seed", grainKey);
        long n0;
        long n1;
        string? extension;
        byte[] hashBytes;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            var bytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(bytes, 0);
            n1 = BitConverter.ToInt64(bytes, 8);
            hashBytes = WithExtension(guid.ToByteArray(), extension);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n0 = 0;
            n1 = integer;
            hashBytes = WithExtension(BitConverter.GetBytes(integer), extension);
        }
        else
        {
            n0 = 0;
            n1 = 0;
            extension = grainId.Key.ToString();
            hashBytes = Encoding.UTF8.GetBytes(extension);
        }

        if (BitConverter.IsLittleEndian) Array.Reverse(hashBytes);
        return new GrainStorageRowKey(
            (int)StableHash.ComputeHash(hashBytes),
            n0,
            n1,
            (int)StableHash.ComputeHash(Encoding.UTF8.GetBytes(stateName)),
            stateName,
            extension);
    }

    private static byte[] WithExtension(byte[] key, string? extension) =>
        extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];
}
