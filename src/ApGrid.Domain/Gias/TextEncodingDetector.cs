using System.Text;

namespace ApGrid.Domain.Gias;

/// <summary>
/// Decides how a file is encoded by reading all of it: a file that is valid UTF-8 throughout (with
/// or without a byte-order mark) is UTF-8; any other is Windows-1252, in which every byte is a
/// character. Reading to the end matters: one accented name near the bottom is all that tells
/// them apart.
/// </summary>
public static class TextEncodingDetector
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    public static Encoding EncodingOf(TextEncodingKind kind) => kind == TextEncodingKind.Utf8 ? StrictUtf8 : Windows1252;

    /// <summary>Reads the stream to its end in small blocks and puts it back where it was.</summary>
    public static async Task<TextEncodingKind> DetectAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable: it is read twice.", nameof(stream));
        var start = stream.Position;
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            // A sequence cut off by the end of the file is as invalid as a wrong byte.
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return TextEncodingKind.Utf8;
        }
        catch (DecoderFallbackException)
        {
            return TextEncodingKind.Windows1252;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>A reader of the stream in the encoding detected, past any UTF-8 byte-order mark.</summary>
    public static StreamReader Open(Stream stream, TextEncodingKind kind) =>
        new(stream, EncodingOf(kind), detectEncodingFromByteOrderMarks: kind == TextEncodingKind.Utf8, bufferSize: 64 * 1024, leaveOpen: true);
}
