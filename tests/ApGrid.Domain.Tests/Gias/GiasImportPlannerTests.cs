using ApGrid.Domain.Gias;

namespace ApGrid.Domain.Tests.Gias;

public sealed class GiasImportPlannerTests
{
    private static readonly GeoPoint Oxford = new(51.75, -1.25);

    private static GiasEstablishment Row(string urn, int type, GiasStatus status = GiasStatus.Open, string name = "A School", GeoPoint? location = null, DateOnly? closedOn = null) =>
        new(2, urn, "931", "Oxfordshire", name, type, $"type {type}", status, null, closedOn, "Secondary", 11, 16,
            type == 7 ? [NeedType.Asd] : [], type == 14 ? 40 : null, null, "OX1 1AA", location ?? Oxford);

    private static readonly SuccessorResolver NoLinks = new([]);

    [Fact]
    public void New_open_establishments_are_created_and_closed_ones_are_not()
    {
        var plan = GiasImportPlanner.Plan([Row("100001", 1), Row("100002", 14), Row("100003", 7), Row("100004", 1, GiasStatus.Closed), Row("100005", 18)], new Dictionary<string, GiasFacts>(), NoLinks);

        Assert.Equal(["100001", "100002", "100003"], plan.Creates.Select(c => c.Urn));
        Assert.Equal([GiasKind.School, GiasKind.ApSetting, GiasKind.SpecialSchool], plan.Creates.Select(c => c.Facts.Kind));
        Assert.Equal("100004", Assert.Single(plan.Skipped).Urn);
    }

    [Fact]
    public void Planning_what_is_already_held_changes_nothing()
    {
        var rows = new[] { Row("100001", 1), Row("100002", 14) };
        var held = rows.ToDictionary(r => r.Urn, GiasFacts.From);

        var plan = GiasImportPlanner.Plan(rows, held, NoLinks);

        Assert.Empty(plan.Creates);
        Assert.Empty(plan.Updates);
        Assert.Equal(2, plan.Unchanged);
    }

    [Fact]
    public void A_renamed_school_is_updated_and_a_blank_location_keeps_the_held_one()
    {
        var held = new Dictionary<string, GiasFacts> { ["100001"] = GiasFacts.From(Row("100001", 1)) };
        var row = Row("100001", 1, name: "A School Renamed") with { Location = null };

        var update = Assert.Single(GiasImportPlanner.Plan([row], held, NoLinks).Updates);

        Assert.Equal(["name"], update.Changed);
        Assert.Equal(Oxford, update.Facts.Location);
    }

    [Fact]
    public void A_closed_school_is_closed_and_followed_to_its_successor()
    {
        var held = new Dictionary<string, GiasFacts> { ["100001"] = GiasFacts.From(Row("100001", 1)) };
        var resolver = new SuccessorResolver([new GiasLink("100001", "140001", "Academy", "Successor", null)]);

        var plan = GiasImportPlanner.Plan([Row("100001", 1, GiasStatus.Closed, closedOn: new DateOnly(2025, 8, 31)), Row("140001", 34)], held, resolver);

        var closing = Assert.Single(plan.Updates);
        Assert.True(closing.Closes);
        Assert.Equal(new DateOnly(2025, 8, 31), closing.Facts.ClosedOn);
        Assert.Equal("140001", Assert.Single(plan.Creates).Urn);
        Assert.Equal("140001", Assert.Single(plan.Successions).Successor);
    }

    [Fact]
    public void A_URN_held_as_another_kind_is_skipped_not_changed()
    {
        var held = new Dictionary<string, GiasFacts> { ["100001"] = GiasFacts.From(Row("100001", 7)) };

        var plan = GiasImportPlanner.Plan([Row("100001", 1)], held, NoLinks);

        Assert.Empty(plan.Updates);
        Assert.Contains("a special school", Assert.Single(plan.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_AP_setting_serves_no_post_16_key_stage()
    {
        var facts = GiasFacts.From(Row("100002", 14) with { StatutoryHighAge = 18 });

        Assert.Equal([KeyStage.Ks3, KeyStage.Ks4], facts.KeyStages);
    }
}
