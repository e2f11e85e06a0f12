using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ApGrid.Api.Auth;

namespace ApGrid.Api.ChangeFeed;

/// <summary>
/// The change-feed cursors callers see. LA officers see the whole feed, so their cursor is the
/// sequence number (<see cref="ChangeCursor"/>). Every other role sees part of it, and sequence
/// numbers would tell them how many entries they may not see fell between two of theirs, and when:
/// their cursor is the position sealed in one AES block with the caller's identity, under a key of
/// the tenant's (<see cref="IChangeCursorKeyGrain"/>). It is deterministic, so the same position is
/// the same cursor for the same caller, and it only ever names a position of an entry the caller
/// sees (or the start): see ADR 021.
/// </summary>
public sealed class ChangeCursors(IGrainFactory grains)
{
    private const int BlockBytes = 16;

    private readonly ConcurrentDictionary<string, Lazy<Task<Keys>>> keys = new(StringComparer.Ordinal);

    public async ValueTask<string> FormatAsync(Caller caller, long sequence)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsLaOfficer) return ChangeCursor.Format(sequence);
        var key = await KeysOfAsync(caller.Tenant);
        Span<byte> block = stackalloc byte[BlockBytes];
        BinaryPrimitives.WriteInt64BigEndian(block, sequence);
        key.Binding(caller).CopyTo(block[8..]);
        Span<byte> sealedBlock = stackalloc byte[BlockBytes];
        using (var cipher = key.Cipher()) cipher.EncryptEcb(block, sealedBlock, PaddingMode.None);
        return Base64Url.EncodeToString(sealedBlock);
    }

    /// <summary>The position a cursor names, or null when it is not one this caller was given.</summary>
    public async ValueTask<long?> TryParseAsync(Caller caller, string cursor)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(cursor);
        // Plain sequence numbers only from those who are given them: anyone else could binary-search
        // positions with them. The start of the feed (zero) tells nobody anything.
        if (ChangeCursor.TryParse(cursor, out var plain) && (caller.IsLaOfficer || plain == 0)) return plain;
        var sealedBlock = new byte[BlockBytes];
        if (cursor.Length != 22 || !Base64Url.TryDecodeFromChars(cursor, sealedBlock, out var written) || written != BlockBytes) return null;
        var key = await KeysOfAsync(caller.Tenant);
        var block = new byte[BlockBytes];
        using (var cipher = key.Cipher()) cipher.DecryptEcb(sealedBlock, block, PaddingMode.None);
        if (!CryptographicOperations.FixedTimeEquals(block.AsSpan(8), key.Binding(caller))) return null;
        var sequence = BinaryPrimitives.ReadInt64BigEndian(block);
        return sequence >= 0 ? sequence : null;
    }

    private async Task<Keys> KeysOfAsync(string tenant)
    {
        var lazy = keys.GetOrAdd(tenant, t => new Lazy<Task<Keys>>(() => LoadAsync(t)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed load is not kept: the next cursor asks again.
            keys.TryRemove(new KeyValuePair<string, Lazy<Task<Keys>>>(tenant, lazy));
            throw;
        }
    }

    private async Task<Keys> LoadAsync(string tenant)
    {
        var secret = await TenantContext.RunAsync(tenant, () => grains.GetGrain<IChangeCursorKeyGrain>(tenant).GetAsync());
        return new Keys(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "apgrid change cursor cipher"u8.ToArray()), HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "apgrid change cursor caller"u8.ToArray()));
    }

    private sealed record Keys(byte[] CipherKey, byte[] CallerKey)
    {
        // One block with a key used for nothing else is a pseudorandom permutation of positions; an
        // Aes object is not safe to share between threads, so each use makes its own.
        public Aes Cipher()
        {
            var aes = Aes.Create();
            aes.Key = CipherKey;
            return aes;
        }

        /// <summary>Half a block naming the caller: a cursor works only for whom it was given to.</summary>
        public byte[] Binding(Caller caller)
        {
            var identity = Encoding.UTF8.GetBytes($"{caller.Tenant}\n{caller.Role}\n{caller.Urn}\n{caller.Subject}");
            return HMACSHA256.HashData(CallerKey, identity)[..8];
        }
    }
}
