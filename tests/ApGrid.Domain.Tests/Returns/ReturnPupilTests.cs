using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class ReturnPupilTests
{
    [Fact]
    public void Pupils_are_ordered_by_their_UPN_after_the_check_letter()
    {
        var pupils = Enumerable.Range(1, 60).Select(n => Pupil(n)).Reverse().ToList();

        var ordered = pupils.OrderBy(p => p.UpnOrder, StringComparer.Ordinal).Select(p => p.PupilId);

        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"pupil-{n}"), ordered);
        Assert.Equal(Upn(7)[1..], Pupil(7).UpnOrder);
    }
}
