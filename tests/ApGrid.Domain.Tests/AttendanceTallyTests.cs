using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class AttendanceTallyTests
{
    [Fact]
    public void A_hand_counted_fortnight()
    {
        // 20 sessions: 14 present or late (L), 2 at K, 1 illness, 1 C2, 1 unauthorised O, 1 X.
        // Possible 19 (X left out), attended 16: 16 / 19 = 84.21% -> 84.2.
        var codes = Enumerable.Repeat(AttendanceCode.Present, 12)
            .Concat([AttendanceCode.LateBeforeRegisterClosed, AttendanceCode.LateBeforeRegisterClosed])
            .Concat([AttendanceCode.AttendingLaArrangedProvision, AttendanceCode.AttendingLaArrangedProvision])
            .Concat([AttendanceCode.Illness, AttendanceCode.PartTimeTimetable, AttendanceCode.UnauthorisedAbsence, AttendanceCode.NotRequiredToAttend]);
        var tally = AttendanceTally.Of(codes);
        Assert.Equal(new AttendanceTally(19, 16, 2, 1, 1), tally);
        Assert.Equal(84.2, tally.Percent);
    }

    [Fact]
    public void Nothing_possible_has_no_percent() =>
        Assert.Null(AttendanceTally.Of([AttendanceCode.NotRequiredToAttend, AttendanceCode.DualRegistered]).Percent);

    [Fact]
    public void Percent_is_attended_over_possible_for_every_mix_up_to_forty_sessions()
    {
        for (var attended = 0; attended <= 20; attended++)
        {
            for (var absent = 0; absent <= 20; absent++)
            {
                for (var notCounted = 0; notCounted <= 3; notCounted++)
                {
                    var codes = Enumerable.Repeat(AttendanceCode.Present, attended)
                        .Concat(Enumerable.Repeat(AttendanceCode.NoReasonYet, absent))
                        .Concat(Enumerable.Repeat(AttendanceCode.NotRequiredToAttend, notCounted));
                    var tally = AttendanceTally.Of(codes);
                    Assert.Equal(attended + absent, tally.Possible);
                    Assert.Equal(notCounted, tally.NotCounted);
                    Assert.Equal(attended + absent == 0 ? null : Math.Round(100.0 * attended / (attended + absent), 1, MidpointRounding.AwayFromZero), tally.Percent);
                }
            }
        }
    }

    [Fact]
    public void Plus_adds_every_count()
    {
        var a = new AttendanceTally(3, 2, 1, 0, 1);
        var b = new AttendanceTally(4, 1, 1, 2, 0);
        Assert.Equal(new AttendanceTally(7, 3, 2, 2, 1), a.Plus(b));
        Assert.Equal(a, a.Plus(AttendanceTally.None));
    }
}
