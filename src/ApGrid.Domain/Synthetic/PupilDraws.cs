namespace ApGrid.Domain.Synthetic;

/// <summary>
/// The random draws both generated worlds (the server's demo tenants and the seed tool's national
/// world) make for a pupil, from the builder's own seeded generator, so each world stays the same
/// run after run.
/// </summary>
public sealed class PupilDraws(Random random, DateOnly today, IReadOnlyList<int> yearGroupWeights)
{
    private readonly HashSet<string> pupilIds = new(StringComparer.Ordinal);

    /// <summary>A year group 0..11 drawn by the weights.</summary>
    public int YearGroup()
    {
        var roll = random.Next(yearGroupWeights.Sum());
        for (var yearGroup = 0; ; yearGroup++)
        {
            roll -= yearGroupWeights[yearGroup];
            if (roll < 0) return yearGroup;
        }
    }

    /// <summary>A birthday inside the September-to-August cohort that is in <paramref name="yearGroup"/> this academic year.</summary>
    public DateOnly DateOfBirthFor(int yearGroup)
    {
        var cohortStart = new DateOnly(SchoolYear.AcademicYearStart(today).Year - yearGroup - 5, 9, 1);
        var cohortDays = cohortStart.AddYears(1).DayNumber - cohortStart.DayNumber;
        return cohortStart.AddDays(random.Next(cohortDays));
    }

    /// <summary>A pupil id in the API's form, never one this world already used.</summary>
    public string NewPupilId()
    {
        var bytes = new byte[5];
        string id;
        do
        {
            random.NextBytes(bytes);
            id = "p-" + Convert.ToHexStringLower(bytes);
        }
        while (!pupilIds.Add(id));

        return id;
    }

    /// <summary>Placements start on a Monday, as panels agree them.</summary>
    public static DateOnly MondayOnOrBefore(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
