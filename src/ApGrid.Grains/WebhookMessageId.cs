using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace ApGrid.Grains;

/// <summary>
/// A webhook message's id (`webhook-id`, and the body's `cursor`): an HMAC of the change's position
/// under a key only the endpoint's grain holds. The same change gets the same id on every attempt, so
/// receivers can drop repeats, but ids are not sequence numbers, so a receiver registered for some
/// kinds cannot count the entries of other kinds between two of its messages (ADR 021).
/// </summary>
public static class WebhookMessageId
{
    public static string For(byte[] key, long sequence)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> position = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(position, sequence);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, position, mac);
        return "msg_" + Base64Url.EncodeToString(mac[..16]);
    }
}
