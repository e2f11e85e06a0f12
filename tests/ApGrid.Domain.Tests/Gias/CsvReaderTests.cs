using ApGrid.Domain.Gias;

namespace ApGrid.Domain.Tests.Gias;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> Read(string text) => [.. CsvReader.Read(new StringReader(text))];

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var records = Read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\nlast,row,\"\"");

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b, c", "say \"hi\""], records[0].Fields);
        Assert.Equal(["two\nlines", "x", ""], records[1].Fields);
        Assert.Equal(2, records[1].Line);

        // The quoted line break moved the next record down a physical line.
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["last", "row", ""], records[2].Fields);
    }

    [Fact]
    public void Each_field_knows_its_line_and_column()
    {
        var records = Read("ab,\"c\nd\",e\n");

        Assert.Equal([(1, 1), (1, 4), (2, 4)], records[0].Starts);
    }

    [Fact]
    public void A_final_line_break_adds_no_empty_record()
    {
        Assert.Single(Read("a,b\n"));
        Assert.Single(Read("a,b"));
    }

    [Theory]
    [InlineData("a,b\nc,d\"e\n", 2, 4)]
    [InlineData("a,b\nc,\"d\"e\n", 2, 6)]
    [InlineData("a,b\nc,\"d\n\ne", 2, 3)]
    [InlineData("a,b\rc", 1, 4)]
    public void A_malformed_file_is_refused_at_its_line_and_column(string text, int line, int column)
    {
        var error = Assert.Throws<GiasFileException>(() => Read(text));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.StartsWith($"Line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
    }
}
