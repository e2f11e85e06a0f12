using ApGrid.Domain.Returns;

namespace ApGrid.Domain.Tests.Returns;

public sealed class ReturnCsvTests
{
    [Fact]
    public void Fields_are_quoted_only_when_they_must_be_and_lines_end_in_CRLF()
    {
        var text = ReturnCsv.Write(["A", "B", "C"], [["plain", "a,b", "say \"hi\""], [null, "two\nlines", ""]]);

        Assert.Equal("A,B,C\r\nplain,\"a,b\",\"say \"\"hi\"\"\"\r\n,\"two\nlines\",\r\n", text);
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_refused() =>
        Assert.Throws<ArgumentException>(() => ReturnCsv.Write(["A", "B"], [["only one"]]));

    [Fact]
    public void Dates_are_ISO_and_a_missing_date_is_empty() =>
        Assert.Equal(("2026-01-15", ""), (ReturnCsv.Date(new DateOnly(2026, 1, 15)), ReturnCsv.Date(null)));
}
