using ApGrid.Domain;
using CsCheck;

namespace ApGrid.Domain.Tests;

public sealed class OutreachAllocatorTests
{
    private static readonly GeoPoint SchoolNearA = new(51.51, -0.10);

    private static OutreachSupply Setting(string urn, double latitude, double hours, params KeyStage[] keyStages) =>
        new(urn, new GeoPoint(latitude, -0.10), keyStages, hours, HoursAllocated: 0, Caseload: 0);

    private static OutreachDemand Request(string id, double latitude, int suspensions, DateOnly? dateOfBirth, KeyStage? keyStage, DateOnly requestedOn, double hours) =>
        new(id, new GeoPoint(latitude, -0.10), suspensions, dateOfBirth, keyStage, requestedOn, hours);

    [Fact]
    public void Allocates_a_hand_worked_example_exactly()
    {
        // Worked by hand (docs/outreach.md): r3 has most suspensions and goes to C, the nearest KS3
        // setting; r2 beats r1 on age; r1 then takes A's last 3 hours; r5 goes to B; r4 names no
        // pupil and comes last, taking B's final hour.
        var supplies = new[]
        {
            Setting("100001", 51.50, 5, KeyStage.Ks1, KeyStage.Ks2),
            Setting("100002", 51.60, 10, KeyStage.Ks3, KeyStage.Ks4),
            Setting("100003", 51.525, 2, KeyStage.Ks2, KeyStage.Ks3),
        };
        var demands = new[]
        {
            Request("r1", 51.51, 3, new DateOnly(2016, 5, 1), KeyStage.Ks2, new DateOnly(2026, 10, 1), 3),
            Request("r2", 51.51, 3, new DateOnly(2018, 1, 1), KeyStage.Ks1, new DateOnly(2026, 10, 5), 2),
            Request("r3", 51.53, 5, new DateOnly(2012, 3, 1), KeyStage.Ks3, new DateOnly(2026, 11, 1), 2),
            Request("r4", 51.51, 0, null, null, new DateOnly(2026, 9, 1), 1),
            Request("r5", 51.59, 1, new DateOnly(2011, 1, 1), KeyStage.Ks3, new DateOnly(2026, 10, 10), 9),
        };

        var result = OutreachAllocator.Allocate(demands, supplies, OutreachCaseloadCap.Default);

        Assert.Equal(
            [
                new OutreachAssignment("r3", "100003", 2),
                new OutreachAssignment("r2", "100001", 2),
                new OutreachAssignment("r1", "100001", 3),
                new OutreachAssignment("r5", "100002", 9),
                new OutreachAssignment("r4", "100002", 1),
            ],
            result);
    }

    [Fact]
    public void Priority_is_suspensions_then_younger_then_longest_waiting()
    {
        var older = Request("a", 51.5, 2, new DateOnly(2012, 1, 1), null, new DateOnly(2026, 1, 1), 1);
        var younger = Request("b", 51.5, 2, new DateOnly(2015, 1, 1), null, new DateOnly(2026, 6, 1), 1);
        var youngerWaitingLonger = Request("c", 51.5, 2, new DateOnly(2015, 1, 1), null, new DateOnly(2026, 2, 1), 1);
        var noPupil = Request("d", 51.5, 2, null, null, new DateOnly(2025, 1, 1), 1);
        var mostSuspensions = Request("e", 51.5, 4, null, null, new DateOnly(2026, 9, 1), 1);

        var order = OutreachAllocator.InPriorityOrder([older, younger, youngerWaitingLonger, noPupil, mostSuspensions]).Select(d => d.Id);

        Assert.Equal(["e", "c", "b", "a", "d"], order);
    }

    [Fact]
    public void The_caseload_cap_stops_a_setting_at_five_pupils_for_five_hours()
    {
        var supplies = new[] { Setting("100001", 51.5, 5, KeyStage.Ks2) };
        var demands = Enumerable.Range(1, 7).Select(i => Request($"r{i}", 51.5, 0, null, null, new DateOnly(2026, 10, i), 0.5));

        var result = OutreachAllocator.Allocate(demands, supplies, OutreachCaseloadCap.Default);

        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], result.Select(a => a.RequestId));
    }

    [Fact]
    public void A_configured_cap_is_honoured()
    {
        var supplies = new[] { Setting("100001", 51.5, 10, KeyStage.Ks2) };
        var demands = Enumerable.Range(1, 5).Select(i => Request($"r{i}", 51.5, 0, null, null, new DateOnly(2026, 10, i), 1));

        var result = OutreachAllocator.Allocate(demands, supplies, new OutreachCaseloadCap(Pupils: 3, PerHours: 10));

        Assert.Equal(3, result.Count);
    }

    [Fact]
    public void A_request_no_setting_can_take_whole_stays_open_and_smaller_ones_still_go()
    {
        var supplies = new[] { Setting("100001", 51.5, 3, KeyStage.Ks2) };
        var big = Request("big", 51.5, 9, null, null, new DateOnly(2026, 10, 1), 4);
        var small = Request("small", 51.5, 0, null, null, new DateOnly(2026, 10, 2), 2);

        var result = OutreachAllocator.Allocate([big, small], supplies, OutreachCaseloadCap.Default);

        Assert.Equal([new OutreachAssignment("small", "100001", 2)], result);
    }

    [Fact]
    public void A_known_pupil_only_gets_a_setting_that_serves_their_key_stage()
    {
        var supplies = new[] { Setting("100001", 51.5, 5, KeyStage.Ks3), Setting("100002", 52.5, 5, KeyStage.Ks1) };
        var demand = Request("r", 51.5, 1, new DateOnly(2019, 1, 1), KeyStage.Ks1, new DateOnly(2026, 10, 1), 1);

        var result = OutreachAllocator.Allocate([demand], supplies, OutreachCaseloadCap.Default);

        Assert.Equal("100002", Assert.Single(result).Urn);
    }

    [Fact]
    public void Hours_already_allocated_count_against_the_setting()
    {
        var supplies = new[] { Setting("100001", 51.5, 5, KeyStage.Ks2) with { HoursAllocated = 4.5, Caseload = 1 } };
        var demand = Request("r", 51.5, 1, null, null, new DateOnly(2026, 10, 1), 1);

        Assert.Empty(OutreachAllocator.Allocate([demand], supplies, OutreachCaseloadCap.Default));
    }

    [Theory]
    [InlineData(5, 5, 5)]
    [InlineData(4.5, 5, 4)]
    [InlineData(0, 5, 0)]
    [InlineData(12, 5, 12)]
    public void The_cap_scales_with_hours(double hours, int pupilsPerFiveHours, int expected) =>
        Assert.Equal(expected, new OutreachCaseloadCap(pupilsPerFiveHours, 5).MaxPupils(hours));

    [Fact]
    public void Hours_and_caseload_caps_are_never_exceeded_and_nothing_that_fits_is_left_open()
    {
        var keyStages = Gen.Enum<KeyStage>().Array[1, 3].Select(a => (IReadOnlyCollection<KeyStage>)a.Distinct().ToArray());
        var genSupply = Gen.Select(Gen.Int[100000, 100030], Gen.Double[51.0, 52.0], keyStages, Gen.Int[0, 40], Gen.Int[0, 10], Gen.Int[0, 6])
            .Select((urn, lat, ks, halfHours, allocatedHalfHours, caseload) => new OutreachSupply(
                urn.ToString(System.Globalization.CultureInfo.InvariantCulture), new GeoPoint(lat, -0.1), ks,
                halfHours / 2.0, Math.Min(allocatedHalfHours, halfHours) / 2.0, caseload));
        var genDemand = Gen.Select(Gen.Int[0, 999], Gen.Double[51.0, 52.0], Gen.Int[0, 6], Gen.Int[0, 4000].Nullable(), Gen.Int[0, 120], Gen.Int[1, 16])
            .Select((id, lat, suspensions, dobOffset, waited, halfHours) => new OutreachDemand(
                $"r{id}", new GeoPoint(lat, -0.1), suspensions,
                dobOffset is { } d ? new DateOnly(2010, 9, 1).AddDays(d) : null,
                dobOffset is { } o ? SchoolYear.KeyStageOf(Math.Clamp(SchoolYear.YearGroupFor(new DateOnly(2010, 9, 1).AddDays(o), new DateOnly(2026, 11, 23)), 0, 11)) : null,
                new DateOnly(2026, 11, 23).AddDays(-waited), halfHours / 2.0));
        var genCap = Gen.Select(Gen.Int[1, 8], Gen.Int[1, 10]).Select((pupils, hours) => new OutreachCaseloadCap(pupils, hours));

        Gen.Select(genSupply.Array[0, 6], genDemand.Array[0, 30], genCap).Sample((rawSupplies, rawDemands, cap) =>
        {
            var supplies = rawSupplies.DistinctBy(s => s.Urn).ToArray();
            var demands = rawDemands.DistinctBy(d => d.Id).ToArray();
            var result = OutreachAllocator.Allocate(demands, supplies, cap);

            if (result.Select(a => a.RequestId).Distinct().Count() != result.Count) return false;
            foreach (var supply in supplies)
            {
                var mine = result.Where(a => a.Urn == supply.Urn).ToList();
                if (mine.Count == 0) continue;
                if (supply.HoursAllocated + mine.Sum(a => a.Hours) > supply.HoursPerWeek) return false;
                if (supply.Caseload + mine.Count > cap.MaxPupils(supply.HoursPerWeek)) return false;
            }

            foreach (var assignment in result)
            {
                var demand = demands.Single(d => d.Id == assignment.RequestId);
                var supply = supplies.Single(s => s.Urn == assignment.Urn);
                if (assignment.Hours != demand.HoursRequested) return false;
                if (demand.PupilKeyStage is { } ks && !supply.KeyStages.Contains(ks)) return false;
            }

            // Capacity only shrinks as the round goes on, so a request left open must not fit anywhere at the end.
            var final = supplies.Select(s => s with
            {
                HoursAllocated = s.HoursAllocated + result.Where(a => a.Urn == s.Urn).Sum(a => a.Hours),
                Caseload = s.Caseload + result.Count(a => a.Urn == s.Urn),
            }).ToArray();
            return demands.Where(d => result.All(a => a.RequestId != d.Id)).All(d => !final.Any(s => OutreachAllocator.CanTake(s, d, cap)));
        });
    }
}
