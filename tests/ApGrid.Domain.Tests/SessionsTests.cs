using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class SessionsTests
{
    [Fact]
    public void All_lists_the_ten_half_days_in_week_order()
    {
        Assert.Equal(
            [
                Session.MonAm, Session.MonPm, Session.TueAm, Session.TuePm, Session.WedAm,
                Session.WedPm, Session.ThuAm, Session.ThuPm, Session.FriAm, Session.FriPm,
            ],
            Sessions.All);
        Assert.Equal(10, Sessions.Count);
        Assert.Equal(Enum.GetValues<Session>(), Sessions.All);
    }

    [Fact]
    public void All_cannot_be_modified_by_callers()
    {
        var asList = Assert.IsAssignableFrom<IList<Session>>(Sessions.All);
        Assert.True(asList.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => asList[0] = Session.FriPm);
    }

    [Fact]
    public void IsDefined_rejects_values_outside_the_week()
    {
        Assert.All(Sessions.All, session => Assert.True(Sessions.IsDefined(session)));
        Assert.False(Sessions.IsDefined((Session)10));
        Assert.False(Sessions.IsDefined((Session)(-1)));
    }

    [Fact]
    public void Sessions_are_named_in_words_and_in_the_schemas_words()
    {
        Assert.Equal("Tuesday afternoon", Sessions.Describe(Session.TuePm));
        Assert.Equal("Monday morning", Sessions.Describe(Session.MonAm));
        Assert.Equal("TUE_PM", Sessions.ContractName(Session.TuePm));
        Assert.Equal(5, Sessions.All.Count(Sessions.IsMorning));
    }
}
