using ApGrid.Domain.Gias;
using ApGrid.TestSupport;

namespace ApGrid.Domain.Tests.Gias;

public sealed class GiasEstablishmentReaderTests
{
    private static async Task<GiasEstablishmentFile> Read(byte[] bytes, Func<string, string, int, bool>? keep = null)
    {
        using var stream = new MemoryStream(bytes);
        return await GiasEstablishmentReader.ReadAsync(stream, keep);
    }

    private static GiasFileBuilder ApAcademy() => new GiasFileBuilder().Add(
        "149001", "931", "Oxford Hill AP Academy", 43, "Academy alternative provision sponsor led",
        ("StatutoryLowAge", "11"), ("StatutoryHighAge", "16"), ("OpenDate", "01-09-2024"),
        ("SEN1 (name)", "SEMH - Social, Emotional and Mental Health"), ("SEN2 (name)", "ASD - Autistic Spectrum Disorder"),
        ("PlacesPRU", "60"), ("UKPRN", "10091234"), ("Postcode", "ox4 6jz"), ("Easting", "454745"), ("Northing", "204165"));

    [Fact]
    public void The_builder_writes_the_published_header_in_order()
    {
        Assert.Equal(("URN", "LA (code)", "AccreditationExpiryDate"), (GiasFileBuilder.Header[0], GiasFileBuilder.Header[1], GiasFileBuilder.Header[^1]));
        Assert.True(GiasFileBuilder.Header.Count > 130);
    }

    [Fact]
    public async Task Reads_an_AP_academy_with_its_needs_places_references_and_location()
    {
        var file = await Read(ApAcademy().ToBytes());

        var academy = Assert.Single(file.Establishments);
        Assert.Equal(TextEncodingKind.Utf8, file.Encoding);
        Assert.Equal(("149001", "931", "Oxford Hill AP Academy", 43, GiasStatus.Open), (academy.Urn, academy.LaCode, academy.Name, academy.TypeCode, academy.Status));
        Assert.Equal(new DateOnly(2024, 9, 1), academy.OpenDate);
        Assert.Null(academy.CloseDate);
        Assert.Equal([NeedType.Semh, NeedType.Asd], academy.Needs);
        Assert.Equal((60, "10091234", "OX4 6JZ"), (academy.PlacesPru, academy.Ukprn, academy.Postcode));
        Assert.Equal(2, academy.Line);

        // Cowley, Oxford: 51.74 N, 1.21 W.
        Assert.InRange(academy.Location!.Value.Latitude, 51.72, 51.76);
        Assert.InRange(academy.Location!.Value.Longitude, -1.23, -1.19);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped()
    {
        var file = await Read(ApAcademy().ToBytes(byteOrderMark: true));

        Assert.Equal("149001", Assert.Single(file.Establishments).Urn);
    }

    [Fact]
    public async Task A_Windows_1252_file_keeps_its_accents_and_says_how_it_was_read()
    {
        var bytes = new GiasFileBuilder().Add("100001", "202", "École Sainte-Thérèse", 1, "Community school").ToBytes(windows1252: true);

        var file = await Read(bytes);

        Assert.Equal(TextEncodingKind.Windows1252, file.Encoding);
        Assert.Equal("École Sainte-Thérèse", Assert.Single(file.Establishments).Name);
    }

    [Fact]
    public async Task A_closed_school_has_its_close_date()
    {
        var bytes = new GiasFileBuilder().Add("100002", "202", "Old School", 1, "Community school",
            ("EstablishmentStatus (name)", "Closed"), ("OpenDate", "01-01-1980"), ("CloseDate", "31-08-2023")).ToBytes();

        var school = Assert.Single((await Read(bytes)).Establishments);

        Assert.Equal((GiasStatus.Closed, new DateOnly(2023, 8, 31)), (school.Status, school.CloseDate));
        Assert.False(school.IsOpen);
    }

    [Fact]
    public async Task Names_with_commas_and_quotes_survive()
    {
        var bytes = new GiasFileBuilder().Add("100003", "202", "St Mary's \"Star\" School, Upper", 2, "Voluntary aided school").ToBytes();

        Assert.Equal("St Mary's \"Star\" School, Upper", Assert.Single((await Read(bytes)).Establishments).Name);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "OpenDate", "2024-09-01", "OpenDate" },
        { "OpenDate", "31-02-2024", "OpenDate" },
        { "StatutoryLowAge", "eleven", "StatutoryLowAge" },
        { "EstablishmentStatus (name)", "Shut", "EstablishmentStatus (name)" },
        { "SEN3 (name)", "XYZ - Unheard of", "SEN3 (name)" },
        { "UKPRN", "20091234", "UKPRN" },
        { "Postcode", "NOT A CODE", "Postcode" },
        { "Easting", "454745", "Northing" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_refuses_the_file_at_its_line_and_column(string column, string value, string faultColumn)
    {
        var builder = ApAcademy().Add("100004", "931", "Second", 1, "Community school", (column, value));
        if (column == "Easting") builder.Add("100005", "931", "Third", 1, "Community school");
        var text = builder.ToText();
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);

        var error = await Assert.ThrowsAsync<GiasFileException>(() => Read(bytes));

        // Line 3 is the second establishment; its column is where that field starts in the line.
        var line = text.Split("\r\n")[2];
        var fields = line.Split("\",\"");
        var index = GiasFileBuilder.Header.ToList().IndexOf(faultColumn);
        // Its opening quote is the last of the three characters "," that the split removed.
        var column1 = fields.Take(index).Sum(f => f.Length + 3);
        Assert.Equal((3, column1), (error.Line, error.Column));
        Assert.Contains(faultColumn, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_with_too_few_fields_is_refused_at_its_line()
    {
        var text = ApAcademy().ToText() + "\"100009\",\"931\"\r\n";

        var error = await Assert.ThrowsAsync<GiasFileException>(() => Read(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal((3, 10), (error.Line, error.Column));
    }

    [Fact]
    public async Task A_file_without_the_GIAS_columns_is_refused_at_line_1()
    {
        var error = await Assert.ThrowsAsync<GiasFileException>(() => Read("\"URN\",\"Name\"\n\"100000\",\"X\"\n"u8.ToArray()));

        Assert.Equal(1, error.Line);
        Assert.Contains("LA (code)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_not_kept_are_checked_for_shape_only()
    {
        var bytes = ApAcademy().Add("100006", "202", "Elsewhere", 1, "Community school", ("OpenDate", "not a date")).ToBytes();

        var file = await Read(bytes, (_, laCode, _) => laCode == "931");

        Assert.Equal("149001", Assert.Single(file.Establishments).Urn);
        Assert.Equal(2, file.Rows);
    }
}
