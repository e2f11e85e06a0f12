using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class LengthOfStayTests
{
    private static readonly DateOnly Dob = new(2016, 1, 10);

    private static ApStint Stint(string pupil, string start, int startYear, string? end, int? endYear, ApType type = ApType.StateFunded) =>
        new(pupil, Dob, type, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), startYear,
            end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), endYear);

    [Fact]
    public void A_pupil_with_several_placements_counts_once_from_first_entry_to_last_leaving()
    {
        var table = LengthOfStay.Tabulate([
            Stint("p", "2026-10-01", 4, "2026-12-01", 4),
            Stint("p", "2027-10-01", 5, "2028-02-01", 5),
            Stint("p", "2028-10-01", 6, "2029-03-01", 7),
        ]);

        Assert.Equal(1, Assert.Single(Assert.Single(table.Finished, r => r.Key == 4).Value, c => c.Key == 7).Value);
        Assert.Equal(1, table.Finished.Values.Sum(r => r.Values.Sum()));
        Assert.Empty(table.Ongoing);
    }

    [Fact]
    public void A_pupil_still_in_ap_is_ongoing_not_finished_whatever_their_earlier_placements()
    {
        var table = LengthOfStay.Tabulate([
            Stint("p", "2026-10-01", 3, "2027-01-01", 3),
            Stint("p", "2027-10-01", 4, null, null),
            Stint("q", "2026-11-01", 3, "2027-01-01", 3),
        ]);

        Assert.Equal(1, table.Ongoing[3]);
        Assert.Equal(1, table.Finished[3][3]);
    }

    [Fact]
    public void The_entry_cohort_is_the_academic_year_of_first_entry()
    {
        ApStint[] stints = [
            Stint("early", "2026-08-31", 2, "2027-01-01", 3),
            Stint("sept", "2026-09-01", 3, "2027-01-01", 3),
            Stint("july", "2027-07-20", 3, "2027-09-10", 4),
            Stint("later", "2027-09-01", 4, "2027-10-01", 4),
        ];

        var table = LengthOfStay.Tabulate(stints, entryCohort: 2026);

        Assert.Equal(new Dictionary<int, int> { [3] = 1, [4] = 1 }, table.Finished[3]);
        Assert.DoesNotContain(2, table.Finished.Keys);
        Assert.DoesNotContain(4, table.Finished.Keys);
        Assert.Equal(2025, LengthOfStay.EntryCohortOf(new DateOnly(2026, 8, 31)));
        Assert.Equal(2026, LengthOfStay.EntryCohortOf(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void A_kind_of_ap_counts_only_its_own_placements_so_a_pupil_in_two_kinds_is_in_both_tables()
    {
        ApStint[] stints = [
            Stint("p", "2026-10-01", 5, "2027-03-01", 5, ApType.Independent),
            Stint("p", "2027-10-01", 6, "2029-03-01", 8, ApType.StateFunded),
            Stint("q", "2026-10-01", 5, null, null, ApType.NonSchool),
        ];

        Assert.Equal(1, LengthOfStay.Tabulate(stints, type: ApType.Independent).Finished[5][5]);
        Assert.Equal(1, LengthOfStay.Tabulate(stints, type: ApType.StateFunded).Finished[6][8]);
        Assert.Empty(LengthOfStay.Tabulate(stints, type: ApType.StateFunded, entryCohort: 2026).Finished);
        var nonSchool = LengthOfStay.Tabulate(stints, type: ApType.NonSchool);
        Assert.Empty(nonSchool.Finished);
        Assert.Equal(1, nonSchool.Ongoing[5]);
        Assert.Equal(1, LengthOfStay.Tabulate(stints).Finished[5][8]);
    }

    [Fact]
    public void Over_many_generated_histories_every_pupil_is_counted_exactly_once()
    {
        var random = new Random(24);
        for (var run = 0; run < 200; run++)
        {
            var stints = new List<ApStint>();
            var pupils = random.Next(1, 30);
            for (var p = 0; p < pupils; p++)
            {
                var day = new DateOnly(2026, 9, 1).AddDays(random.Next(0, 400));
                var year = random.Next(0, 9);
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var open = k == 1 && random.Next(4) == 0;
                    var end = day.AddDays(random.Next(0, 300));
                    stints.Add(new ApStint($"p{p}", Dob, (ApType)random.Next(3), day, year, open ? null : end, open ? null : year + 1));
                    day = end.AddDays(random.Next(1, 200));
                    year += 2;
                }
            }

            var table = LengthOfStay.Tabulate(stints);
            Assert.Equal(pupils, table.Finished.Values.Sum(r => r.Values.Sum()) + table.Ongoing.Values.Sum());
            var byCohort = stints.GroupBy(s => s.PupilId).Select(g => LengthOfStay.EntryCohortOf(g.Min(s => s.Start))).Distinct()
                .Sum(c => LengthOfStay.Tabulate(stints, entryCohort: c) is var t ? t.Finished.Values.Sum(r => r.Values.Sum()) + t.Ongoing.Values.Sum() : 0);
            Assert.Equal(pupils, byCohort);
            Assert.All(table.Finished, r => Assert.All(r.Value.Keys, last => Assert.True(last >= r.Key)));
        }
    }
}
