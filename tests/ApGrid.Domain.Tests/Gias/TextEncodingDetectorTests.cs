using System.Text;
using ApGrid.Domain.Gias;

namespace ApGrid.Domain.Tests.Gias;

public sealed class TextEncodingDetectorTests
{
    private static async Task<(TextEncodingKind Kind, string Text)> DetectAndRead(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        stream.Position = 0;
        var kind = await TextEncodingDetector.DetectAsync(stream);
        Assert.Equal(0, stream.Position);
        using var reader = TextEncodingDetector.Open(stream, kind);
        return (kind, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task UTF8_with_or_without_a_byte_order_mark_is_UTF8()
    {
        var body = Encoding.UTF8.GetBytes("École Thérèse");

        Assert.Equal((TextEncodingKind.Utf8, "École Thérèse"), await DetectAndRead(body));
        Assert.Equal((TextEncodingKind.Utf8, "École Thérèse"), await DetectAndRead([0xEF, 0xBB, 0xBF, .. body]));
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_are_read_as_Windows_1252()
    {
        var body = TextEncodingDetector.Windows1252.GetBytes("St Thomas à Becket – “North Star 82°”");

        Assert.Equal((TextEncodingKind.Windows1252, "St Thomas à Becket – “North Star 82°”"), await DetectAndRead(body));
    }

    [Fact]
    public async Task One_Windows_1252_byte_far_down_the_file_decides()
    {
        var ascii = Encoding.ASCII.GetBytes(new string('a', 200_000));
        var (kind, text) = await DetectAndRead([.. ascii, 0xE9]);

        Assert.Equal(TextEncodingKind.Windows1252, kind);
        Assert.EndsWith("aé", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_UTF8_sequence_cut_off_by_the_end_of_the_file_is_not_UTF8()
    {
        var (kind, _) = await DetectAndRead([0x61, 0xC3]);

        Assert.Equal(TextEncodingKind.Windows1252, kind);
    }
}
