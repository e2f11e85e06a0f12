using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class ApPlacementValidatorTests
{
    private static readonly ReturnPlacement Running = Placement("a", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3));

    private static IEnumerable<string> Items(ReturnPupil pupil, ReturnPlacement? placement = null) =>
        ApPlacementValidator.Check(pupil, placement ?? Running, CensusDay).Select(f => f.Item);

    [Fact]
    public void A_complete_placement_passes() => Assert.Empty(Items(Pupil(1)));

    [Fact]
    public void A_UPN_with_the_wrong_check_letter_fails()
    {
        var good = Upn(1);
        var pupil = Pupil(1) with { Upn = (good[0] == 'A' ? "B" : "A") + good[1..] };

        var failure = Assert.Single(ApPlacementValidator.Check(pupil, Running, CensusDay));

        Assert.Equal(("pupil-1", pupil.Upn, "UPN"), (failure.PupilId, failure.Upn, failure.Item));
    }

    [Fact]
    public void A_birth_date_on_or_after_census_day_fails() =>
        Assert.Equal(["DOB"], Items(Pupil(1) with { DateOfBirth = CensusDay }));

    [Theory]
    [InlineData(SenProvision.SenSupport, null, true)]
    [InlineData(SenProvision.EhcPlan, null, true)]
    [InlineData(SenProvision.None, NeedType.Semh, true)]
    [InlineData(SenProvision.EhcPlan, NeedType.Nsa, true)]
    [InlineData(SenProvision.SenSupport, NeedType.Nsa, false)]
    [InlineData(SenProvision.EhcPlan, NeedType.Asd, false)]
    [InlineData(SenProvision.None, null, false)]
    public void Every_pupil_with_SEN_provision_has_a_need_and_NSA_is_for_SEN_support_only(SenProvision sen, NeedType? need, bool fails) =>
        Assert.Equal(fails ? ["SENtype"] : [], Items(Pupil(1, sen: sen, need: need)));

    [Fact]
    public void A_setting_needs_a_URN_or_UKPRN_unless_it_is_an_unregistered_provider()
    {
        Assert.Equal(["URN"], Items(Pupil(1), Placement("a", new ReturnSetting(null, null, ApSettingType.IndependentSchool), PlacementRoute.LaPanel, D(2025, 11, 3))));
        Assert.Empty(Items(Pupil(1), Placement("a", UnregisteredWithoutUkprn, PlacementRoute.LaPanel, D(2025, 11, 3))));
    }

    [Fact]
    public void Malformed_references_fail_by_item()
    {
        var placement = Placement("a", new ReturnSetting("14000", "20012345", ApSettingType.IndependentSchool), PlacementRoute.LaPanel, D(2025, 11, 3));

        Assert.Equal(["URN", "UKPRN"], Items(Pupil(1), placement));
    }

    [Fact]
    public void A_school_is_not_an_AP_setting() =>
        Assert.Equal(["SettingType"], Items(Pupil(1), Placement("a", new ReturnSetting("100001", null), PlacementRoute.LaPanel, D(2025, 11, 3))));

    [Fact]
    public void Dates_go_forward_from_entry_to_census_day_and_leaving()
    {
        Assert.Equal(["EntryDate"], Items(Pupil(1), Placement("a", Unregistered, PlacementRoute.LaPanel, CensusDay.AddDays(1))));
        Assert.Equal(["LeavingDate"], Items(Pupil(1), Placement("a", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3), D(2025, 11, 2))));
    }

    [Theory]
    [InlineData(false, 0, true)]
    [InlineData(false, 1, false)]
    [InlineData(false, 11, true)]
    [InlineData(true, 10, false)]
    public void Sessions_fit_the_pattern(bool fullTime, int sessions, bool fails)
    {
        var placement = new ReturnPlacement("a", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3), null, fullTime, sessions);

        Assert.Equal(fails ? ["Sessions"] : [], Items(Pupil(1), placement));
    }

    [Fact]
    public void Every_failure_of_a_pupil_is_listed_not_just_the_first()
    {
        var pupil = Pupil(1, sen: SenProvision.EhcPlan, need: null) with { DateOfBirth = CensusDay.AddDays(3) };

        Assert.Equal(["DOB", "SENtype", "LeavingDate"], Items(pupil, Placement("a", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3), D(2025, 10, 1))));
    }
}
