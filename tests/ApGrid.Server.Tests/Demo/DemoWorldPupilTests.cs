using System.Globalization;
using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using ApGrid.Server.Demo;

namespace ApGrid.Server.Tests.Demo;

/// <summary>
/// Every demo pupil and placement is one the grains will accept, on whatever day the demo runs:
/// the dates cover a term day, both sides of the school-year boundary and a leap day.
/// </summary>
public sealed class DemoWorldPupilTests
{
    public static TheoryData<string> Dates => ["2026-11-23", "2026-08-31", "2026-09-01", "2027-06-25", "2028-02-29", "2031-01-06"];

    [Theory]
    [MemberData(nameof(Dates))]
    public void Every_pupil_passes_the_registration_checks_and_has_a_year_group_that_fits_the_date_of_birth(string date)
    {
        var today = Parse(date);
        foreach (var pupil in DemoWorld.Create(today).SelectMany(t => t.Pupils))
        {
            var record = pupil.Record;

            Assert.Equal(0, record.YearGroupOffset);
            Assert.Null(PupilRules.Validate(record.Upn, record.Initials, record.DateOfBirth, record.YearGroupOn(today), today));
            Assert.InRange(record.YearGroupOn(today), 1, 11);
        }
    }

    [Fact]
    public void Every_day_for_five_years_builds_the_full_cohort_of_valid_pupils()
    {
        for (var today = new DateOnly(2026, 1, 1); today < new DateOnly(2031, 1, 1); today = today.AddDays(1))
        {
            foreach (var tenant in DemoWorld.Create(today))
            {
                Assert.Equal(tenant.Profile.Code == "901" ? 36 : 24, tenant.Pupils.Count);
                Assert.All(tenant.Pupils, p => Assert.Null(
                    PupilRules.Validate(p.Record.Upn, p.Record.Initials, p.Record.DateOfBirth, p.Record.YearGroupOn(today), today)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Every_upn_parses_belongs_to_the_tenant_and_is_unique(string date)
    {
        foreach (var tenant in DemoWorld.Create(Parse(date)))
        {
            var upns = tenant.Pupils.Select(p => Upn.Parse(p.Record.Upn)).ToList();

            Assert.All(upns, upn =>
            {
                Assert.Equal(tenant.Profile.Code, upn.LaCode.Value);
                Assert.False(upn.IsTemporary);
            });
            Assert.Equal(upns.Count, upns.Distinct().Count());
        }
    }

    [Fact]
    public void Pupil_ids_are_opaque_unique_and_name_their_placement()
    {
        var pupils = DemoWorld.Create(new DateOnly(2026, 11, 23)).SelectMany(t => t.Pupils).ToList();

        Assert.All(pupils, p =>
        {
            Assert.Matches("^p-[0-9a-f]{10}$", p.Id);
            Assert.Equal(PupilScopedIds.Placement(p.Id, 1), p.Placement.PlacementId);
        });
        Assert.Equal(pupils.Count, pupils.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Every_pupil_has_a_home_school_of_the_right_phase(string date)
    {
        var today = Parse(date);
        foreach (var tenant in DemoWorld.Create(today))
        {
            var schools = tenant.Schools.ToDictionary(s => s.Urn, StringComparer.Ordinal);
            Assert.All(tenant.Pupils, p =>
            {
                Assert.True(schools.TryGetValue(p.Record.HomeSchoolUrn, out var home), p.Record.HomeSchoolUrn);
                Assert.Equal(SchoolYear.PhaseOf(p.Record.YearGroupOn(today)), home.Profile.Phase);
            });
        }
    }

    [Fact]
    public void The_pupils_look_like_an_AP_cohort()
    {
        var pupils = DemoWorld.Create(new DateOnly(2026, 11, 23)).SelectMany(t => t.Pupils).Select(p => p.Record).ToList();

        Assert.InRange(Share(pupils, p => p.SenProvision == SenProvision.EhcPlan), 0.25, 0.55);
        Assert.InRange(Share(pupils, p => p.SenProvision == SenProvision.SenSupport), 0.25, 0.55);
        Assert.InRange(Share(pupils, p => p.SenProvision == SenProvision.None), 0.08, 0.35);
        Assert.True(Share(pupils, p => p.PrimaryNeed == NeedType.Semh) > 0.4);
        Assert.Contains(pupils, p => p.LookedAfter);
        Assert.Contains(pupils, p => p.KeyStageOn(new DateOnly(2026, 11, 23)) == KeyStage.Ks1);
        Assert.True(Share(pupils, p => p.KeyStageOn(new DateOnly(2026, 11, 23)) >= KeyStage.Ks2) > 0.75);
    }

    private static double Share(List<PupilRecord> pupils, Func<PupilRecord, bool> predicate) =>
        (double)pupils.Count(predicate) / pupils.Count;

    private static DateOnly Parse(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
