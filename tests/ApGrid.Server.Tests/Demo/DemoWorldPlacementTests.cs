using System.Globalization;
using ApGrid.Domain;
using ApGrid.Server.Demo;

namespace ApGrid.Server.Tests.Demo;

/// <summary>
/// Demo placements must be ones the AP setting grain accepts, or the seed would log refusals and
/// the demo would show settings fuller or emptier than their own figures say.
/// </summary>
public sealed class DemoWorldPlacementTests
{
    public static TheoryData<string> Dates => ["2026-11-23", "2026-08-31", "2026-09-01", "2027-06-25", "2028-02-29", "2031-01-06"];

    [Theory]
    [MemberData(nameof(Dates))]
    public void Every_placement_is_at_a_setting_that_serves_the_pupils_key_stage(string date)
    {
        foreach (var tenant in DemoWorld.Create(Parse(date)))
        {
            var settings = tenant.ApSettings.ToDictionary(s => s.Urn, StringComparer.Ordinal);
            Assert.All(tenant.Pupils, p =>
            {
                Assert.True(settings.TryGetValue(p.Placement.ApUrn, out var setting), p.Placement.ApUrn);
                Assert.Contains(p.Record.KeyStageOn(p.Placement.StartDate), setting.Profile.KeyStages);
            });
        }
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Part_time_placements_take_two_to_six_offered_sessions_and_full_time_ones_none(string date)
    {
        foreach (var tenant in DemoWorld.Create(Parse(date)))
        {
            var settings = tenant.ApSettings.ToDictionary(s => s.Urn, StringComparer.Ordinal);
            Assert.All(tenant.Pupils.Select(p => p.Placement), placement =>
            {
                if (placement.FullTime)
                {
                    Assert.Empty(placement.Sessions);
                    return;
                }

                Assert.InRange(placement.Sessions.Count, 2, 6);
                Assert.Equal(placement.Sessions.Count, placement.Sessions.Distinct().Count());
                var offered = settings[placement.ApUrn].Availability.Sessions.Where(s => s.Places > 0).Select(s => s.Session);
                Assert.All(placement.Sessions, session => Assert.Contains(session, offered));
            });
        }
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void No_setting_is_overbooked(string date)
    {
        foreach (var tenant in DemoWorld.Create(Parse(date)))
        {
            foreach (var setting in tenant.ApSettings)
            {
                var placements = tenant.Pupils.Select(p => p.Placement).Where(p => p.ApUrn == setting.Urn).ToList();

                Assert.InRange(placements.Count(p => p.FullTime), 0, setting.Availability.FullTimePlaces);
                Assert.All(setting.Availability.Sessions, offered =>
                    Assert.InRange(placements.Count(p => p.Sessions.Contains(offered.Session)), 0, offered.Places));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Full_time_placements_at_unregistered_providers_keep_the_registration_rule(string date)
    {
        foreach (var tenant in DemoWorld.Create(Parse(date)))
        {
            foreach (var setting in tenant.ApSettings.Where(s => !s.Profile.Registered))
            {
                // Replayed in seeding order, as the setting grain sees the reservations arrive.
                var compulsoryAgeSoFar = 0;
                foreach (var pupil in tenant.Pupils.Where(p => p.Placement.ApUrn == setting.Urn && p.Placement.FullTime))
                {
                    var candidate = new RegistrationCandidate(
                        pupil.Record.SenProvision == SenProvision.EhcPlan,
                        pupil.Record.LookedAfter,
                        SchoolYear.IsOfCompulsorySchoolAge(pupil.Record.DateOfBirth, pupil.Placement.StartDate));

                    Assert.Null(RegistrationRule.CheckFullTimePlacement(false, candidate, compulsoryAgeSoFar));
                    Assert.False(candidate.HasEhcPlan || candidate.LookedAfter);
                    if (candidate.OfCompulsorySchoolAge) compulsoryAgeSoFar++;
                }

                Assert.InRange(compulsoryAgeSoFar, 0, RegistrationRule.MaxFullTimePupilsUnregistered);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Placements_started_one_to_twenty_weeks_ago_and_are_planned_for_six_to_sixteen_weeks(string date)
    {
        var today = Parse(date);
        Assert.All(DemoWorld.Create(today).SelectMany(t => t.Pupils).Select(p => p.Placement), placement =>
        {
            Assert.InRange(today.DayNumber - placement.StartDate.DayNumber, 7, 140);
            Assert.InRange(placement.PlannedEndDate.DayNumber - placement.StartDate.DayNumber, 42, 112);
        });
    }

    [Fact]
    public void Most_placements_are_part_time_but_some_are_full_time()
    {
        var placements = DemoWorld.Create(new DateOnly(2026, 11, 23)).SelectMany(t => t.Pupils).Select(p => p.Placement).ToList();

        Assert.Contains(placements, p => p.FullTime);
        Assert.True(placements.Count(p => !p.FullTime) > placements.Count * 0.6);
    }

    private static DateOnly Parse(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
