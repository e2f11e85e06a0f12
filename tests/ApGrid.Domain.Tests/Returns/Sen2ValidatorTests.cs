using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class Sen2ValidatorTests
{
    private static readonly Sen2Placement Home = new("100001", null, null);

    private static Sen2Person Person(Sen2Request request, DateOnly? birth = null) => new("pupil-1", Upn(1), birth ?? D(2012, 3, 4), null, request);

    private static IEnumerable<string> Items(Sen2Person person, ReturnPupil? pupil = null) =>
        Sen2Validator.Check(pupil ?? Pupil(1, sen: SenProvision.EhcPlan, need: NeedType.Asd), person, 2025).Select(f => f.Item);

    [Fact]
    public void A_complete_person_passes() =>
        Assert.Empty(Items(Person(new Sen2Request(D(2025, 2, 3), "1", D(2025, 3, 17), "A",
            new Sen2Assessment("Y", D(2025, 7, 1), false, new Sen2NamedPlan(D(2025, 7, 1), Home, null, null)), new Sen2ActivePlan(Home, "ASD", null, null)))));

    [Fact]
    public void A_request_of_an_earlier_year_may_lack_its_source_but_one_of_the_year_may_not()
    {
        Assert.Empty(Items(Person(new Sen2Request(D(2024, 12, 31), null, null, null, null, null))));
        Assert.Equal(["RequestSource"], Items(Person(new Sen2Request(D(2025, 1, 1), null, null, null, null, null))));
    }

    [Fact]
    public void Dates_go_forward_through_the_case()
    {
        Assert.Equal(["RequestOutcomeDate"], Items(Person(new Sen2Request(D(2025, 2, 3), "1", D(2025, 2, 2), "A", null, null))));
        Assert.Equal(["AssessmentOutcomeDate"], Items(Person(new Sen2Request(D(2025, 2, 3), "1", D(2025, 3, 17), "A", new Sen2Assessment("N", D(2025, 3, 16), false, null), null))));
        Assert.Equal(["CeaseDate"], Items(Person(new Sen2Request(D(2025, 2, 3), "1", D(2025, 3, 17), "A",
            new Sen2Assessment("Y", D(2025, 7, 1), false, new Sen2NamedPlan(D(2025, 7, 1), Home, D(2025, 6, 30), "9")), null))));
        Assert.Equal(["LastReview"], Items(Person(new Sen2Request(D(2022, 2, 3), "1", D(2022, 3, 17), "A", null, new Sen2ActivePlan(Home, "ASD", D(2025, 5, 5), D(2025, 5, 4))))));
        Assert.Equal(["LeavingDate"], Items(Person(new Sen2Request(D(2022, 2, 3), "1", D(2022, 3, 17), "A", null, new Sen2ActivePlan(Home with { EntryDate = D(2025, 5, 5), LeavingDate = D(2025, 5, 1) }, "ASD", null, null)))));
    }

    [Fact]
    public void A_ceased_plan_says_why() =>
        Assert.Equal(["CeaseReason"], Items(Person(new Sen2Request(D(2025, 2, 3), "1", D(2025, 3, 17), "A",
            new Sen2Assessment("Y", D(2025, 7, 1), false, new Sen2NamedPlan(D(2025, 7, 1), Home, D(2025, 9, 1), null)), null))));

    [Fact]
    public void An_active_plan_needs_a_need_and_every_placement_a_reference()
    {
        Assert.Equal(["SENtype"], Items(Person(new Sen2Request(D(2022, 2, 3), "1", D(2022, 3, 17), "A", null, new Sen2ActivePlan(Home, null, null, null))), Pupil(1, sen: SenProvision.EhcPlan, need: null)));
        Assert.Equal(["URN"], Items(Person(new Sen2Request(D(2022, 2, 3), "1", D(2022, 3, 17), "A", null, new Sen2ActivePlan(new Sen2Placement(null, null, null), "ASD", null, null)))));
        Assert.Equal(["URN", "UKPRN"], Items(Person(new Sen2Request(D(2022, 2, 3), "1", D(2022, 3, 17), "A", null, new Sen2ActivePlan(new Sen2Placement("12345", "9", null), "ASD", null, null)))));
    }

    [Fact]
    public void The_UPN_and_birth_date_are_checked()
    {
        var person = Person(new Sen2Request(D(2022, 2, 3), "1", null, null, null, null), birth: D(2026, 1, 15)) with { Upn = "not a UPN" };

        Assert.Equal(["UPN", "PersonBirthDate"], Items(person));
    }
}
