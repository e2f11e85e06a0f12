using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class AttendanceCodesTests
{
    [Theory]
    [InlineData("/", AttendanceCode.Present)]
    [InlineData("\\", AttendanceCode.Present)]
    [InlineData("L", AttendanceCode.LateBeforeRegisterClosed)]
    [InlineData("U", AttendanceCode.LateAfterRegisterClosed)]
    [InlineData("B", AttendanceCode.EducatedOffSite)]
    [InlineData("K", AttendanceCode.AttendingLaArrangedProvision)]
    [InlineData("D", AttendanceCode.DualRegistered)]
    [InlineData("C2", AttendanceCode.PartTimeTimetable)]
    [InlineData("c2", AttendanceCode.PartTimeTimetable)]
    [InlineData("E", AttendanceCode.SuspendedOrExcludedNoProvision)]
    [InlineData("I", AttendanceCode.Illness)]
    [InlineData("M", AttendanceCode.MedicalAppointment)]
    [InlineData("O", AttendanceCode.UnauthorisedAbsence)]
    [InlineData("N", AttendanceCode.NoReasonYet)]
    [InlineData(" X ", AttendanceCode.NotRequiredToAttend)]
    public void Official_codes_parse(string text, AttendanceCode expected)
    {
        Assert.True(AttendanceCodes.TryParse(text, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("C")]
    [InlineData("C1")]
    [InlineData("Z")]
    [InlineData("PRESENT")]
    [InlineData("//")]
    public void Anything_else_is_refused(string? text) => Assert.False(AttendanceCodes.TryParse(text, out _));

    [Fact]
    public void Every_code_round_trips_through_its_official_string_in_both_sessions()
    {
        foreach (var code in Enum.GetValues<AttendanceCode>())
        {
            foreach (var session in Sessions.All)
            {
                Assert.True(AttendanceCodes.TryParse(AttendanceCodes.CodeOf(code, session), out var parsed));
                Assert.Equal(code, parsed);
            }
        }

        Assert.Equal(Enum.GetValues<AttendanceCode>(), AttendanceCodes.All);
    }

    [Fact]
    public void Present_is_a_slash_in_the_morning_and_a_backslash_in_the_afternoon()
    {
        Assert.Equal("/", AttendanceCodes.CodeOf(AttendanceCode.Present, Session.TueAm));
        Assert.Equal("\\", AttendanceCodes.CodeOf(AttendanceCode.Present, Session.TuePm));
        Assert.Equal("L", AttendanceCodes.CodeOf(AttendanceCode.LateBeforeRegisterClosed, Session.TuePm));
    }

    [Fact]
    public void Categories_follow_the_2024_guidance()
    {
        var attended = AttendanceCodes.All.Where(AttendanceCodes.IsAttended).Select(c => AttendanceCodes.CodeOf(c));
        var notPossible = AttendanceCodes.All.Where(c => !AttendanceCodes.IsPossible(c)).Select(c => AttendanceCodes.CodeOf(c));
        var unauthorised = AttendanceCodes.All.Where(c => AttendanceCodes.CategoryOf(c) == AttendanceCategory.UnauthorisedAbsence).Select(c => AttendanceCodes.CodeOf(c));
        var authorised = AttendanceCodes.All.Where(c => AttendanceCodes.CategoryOf(c) == AttendanceCategory.AuthorisedAbsence).Select(c => AttendanceCodes.CodeOf(c));
        Assert.Equal(["/", "L", "B", "K"], attended);
        Assert.Equal(["D", "X"], notPossible);
        Assert.Equal(["U", "O", "N"], unauthorised);
        Assert.Equal(["C2", "E", "I", "M"], authorised);
    }

    [Fact]
    public void Names_are_the_words_on_a_register_not_the_constants()
    {
        Assert.Equal("Late (before register closed)", AttendanceCodes.NameOf(AttendanceCode.LateBeforeRegisterClosed));
        Assert.Equal("Attending LA-arranged provision", AttendanceCodes.NameOf(AttendanceCode.AttendingLaArrangedProvision));
        Assert.All(AttendanceCodes.All, c => Assert.DoesNotMatch("[a-z][A-Z]", AttendanceCodes.NameOf(c)));
    }
}
