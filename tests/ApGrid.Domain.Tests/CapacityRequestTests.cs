using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class CapacityRequestTests
{
    [Fact]
    public void ForFullTime_has_no_sessions()
    {
        var request = CapacityRequest.ForFullTime();

        Assert.True(request.FullTime);
        Assert.Empty(request.Sessions);
    }

    [Fact]
    public void ForSessions_is_part_time_with_the_sessions_in_order()
    {
        var request = CapacityRequest.ForSessions(Session.FriAm, Session.MonPm);

        Assert.False(request.FullTime);
        Assert.Equal([Session.FriAm, Session.MonPm], request.Sessions);
    }
}
