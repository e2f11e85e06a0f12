using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class UpnTests
{
    // Worked example for LA 201, establishment 2345, allocated in 2024, serial 001.
    // Characters 2-13 are "201234524001" and each is weighted by its position (2..13):
    //   2x2 + 0x3 + 1x4 + 2x5 + 3x6 + 4x7 + 5x8 + 2x9 + 4x10 + 0x11 + 0x12 + 1x13
    //   = 4 + 0 + 4 + 10 + 18 + 28 + 40 + 18 + 40 + 0 + 0 + 13 = 175
    // 175 mod 23 = 14 (23 x 7 = 161), and index 14 of ABCDEFGHJKLMNPQRTUVWXYZ is Q.
    private const string WorkedExample = "Q201234524001";

    [Fact]
    public void Worked_example_is_valid_and_exposes_its_parts()
    {
        var upn = Upn.Parse(WorkedExample);

        Assert.Equal(WorkedExample, upn.Value);
        Assert.Equal(WorkedExample, upn.ToString());
        Assert.Equal(LaCode.Parse("201"), upn.LaCode);
        Assert.Equal("2345", upn.EstablishmentNumber);
        Assert.Equal("24", upn.YearOfAllocation);
        Assert.False(upn.IsTemporary);
    }

    [Theory]
    // 9x2+0x3+1x4+4x5+0x6+0x7+1x8+2x9+4x10+1x11+2x12+3x13 = 182; 182 mod 23 = 21 -> Y
    [InlineData("901400124123", 'Y')]
    // all nines: 9 x (2+3+...+13) = 9 x 90 = 810; 810 mod 23 = 5 -> F
    [InlineData("999999999999", 'F')]
    // all zeros: 0 -> A
    [InlineData("000000000000", 'A')]
    // 3x2+7x3+3x4+1x5+1x6+0x7+1x8+1x9+5x10+0x11+4x12+2x13 = 191; 191 mod 23 = 7 -> H
    [InlineData("373110115042", 'H')]
    public void Hand_computed_check_letters_match_and_make_valid_upns(string last12, char expected)
    {
        Assert.Equal(expected, Upn.CheckLetterFor(last12));

        var upn = Upn.Parse(expected + last12);
        Assert.Equal(last12[..3], upn.LaCode.Value);
        Assert.False(upn.IsTemporary);
    }

    [Theory]
    // As the worked example but serial "00A": the A counts as 0, so 175 - 13 = 162; 162 mod 23 = 1 -> B
    [InlineData("20123452400A", 'B')]
    // 9x2+0x3+1x4+4x5+0x6+0x7+1x8+2x9+4x10+1x11+2x12 = 143, Z is index 22: 22x13 = 286; 429 mod 23 = 15 -> R
    [InlineData("90140012412Z", 'R')]
    // only the letter counts: B is index 1, 1x13 = 13 -> P
    [InlineData("00000000000B", 'P')]
    public void Temporary_upns_with_a_letter_in_the_serial_are_valid(string last12, char expected)
    {
        Assert.Equal(expected, Upn.CheckLetterFor(last12));

        var upn = Upn.Parse(expected + last12);
        Assert.True(upn.IsTemporary);
    }

    [Theory]
    [InlineData("A201234524001")]
    [InlineData("R201234524001")]
    [InlineData("Z201234524001")]
    [InlineData("C20123452400A")]
    public void Wrong_check_letter_is_rejected(string value)
    {
        var error = Expect.Validation(() => Upn.Parse(value), "upn");
        Assert.Contains("check letter", error.Message, StringComparison.Ordinal);
        Assert.False(Upn.TryParse(value, out _));
    }

    [Theory]
    [InlineData("Q20123452400")]
    [InlineData("Q2012345240011")]
    [InlineData("Q")]
    public void Wrong_length_is_rejected(string value)
    {
        var error = Expect.Validation(() => Upn.Parse(value), "upn");
        Assert.Contains("13 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_value_is_rejected(string? value)
    {
        var error = Expect.Validation(() => Upn.Parse(value), "upn");
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q201234524001", "upper case")]
    [InlineData("Q20123452400a", "upper case")]
    [InlineData(" Q201234524001", "whitespace")]
    [InlineData("Q201234524001 ", "whitespace")]
    [InlineData("Q2012 4524001", "whitespace")]
    [InlineData("Q201234524001\n", "whitespace")]
    public void Lower_case_and_whitespace_are_rejected_not_normalised(string value, string expected)
    {
        var error = Expect.Validation(() => Upn.Parse(value), "upn");
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1201234524001", "check letter")]
    [InlineData("I201234524001", "check letter")] // I is not in the check alphabet
    [InlineData("QA01234524001", "LA code")]
    [InlineData("Q20A234524001", "LA code")]
    [InlineData("Q201A34524001", "establishment")]
    [InlineData("Q201234X24001", "establishment")]
    [InlineData("Q20123452X001", "year")]
    [InlineData("Q201234524A01", "serial")]
    [InlineData("Q2012345240A1", "serial")]
    [InlineData("Q20123452400I", "serial")] // temporary UPNs use the check alphabet, which has no I
    [InlineData("Q20123452400O", "serial")]
    [InlineData("Q20123452400S", "serial")]
    [InlineData("Q20123452400-", "serial")]
    public void Characters_in_the_wrong_place_name_the_part_at_fault(string value, string part)
    {
        var error = Expect.Validation(() => Upn.Parse(value), "upn");
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Temporary_upn_with_letter_outside_position_13_is_rejected()
    {
        // A letter at position 12 is never valid, even in a temporary UPN.
        var error = Expect.Validation(() => Upn.Parse("Q2012345240A0"), "upn");
        Assert.Contains("serial", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20123452400")]
    [InlineData("2012345240011")]
    [InlineData("2012345240A1")]
    [InlineData("20123452400I")]
    public void CheckLetterFor_rejects_malformed_input(string last12)
    {
        Expect.Validation(() => Upn.CheckLetterFor(last12), "upn");
    }

    [Fact]
    public void Every_serial_end_yields_exactly_one_valid_check_letter()
    {
        var ends = "0123456789" + Upn.CheckAlphabet;
        foreach (var end in ends)
        {
            var last12 = "90140012412" + end;
            var valid = Upn.CheckAlphabet.Where(letter => Upn.TryParse(letter + last12, out _)).ToList();
            Assert.Equal([Upn.CheckLetterFor(last12)], valid);
        }
    }

    [Fact]
    public void Default_value_is_empty_and_not_temporary()
    {
        Assert.Equal(string.Empty, default(Upn).Value);
        Assert.False(default(Upn).IsTemporary);
    }

    [Fact]
    public void TryParse_returns_the_same_value_as_Parse()
    {
        Assert.True(Upn.TryParse(WorkedExample, out var upn));
        Assert.Equal(Upn.Parse(WorkedExample), upn);
    }
}
