namespace ApGrid.Domain;

/// <summary>
/// How many pupils a setting's outreach hours can carry: a community teacher holds about 5 pupils,
/// so by default 5 pupils for every 5 funded hours a week. LAs may set their own ratio.
/// </summary>
public sealed record OutreachCaseloadCap(int Pupils = 5, double PerHours = 5)
{
    public static OutreachCaseloadCap Default { get; } = new();

    public int MaxPupils(double hoursPerWeek) =>
        hoursPerWeek <= 0 || Pupils <= 0 || PerHours <= 0 ? 0 : (int)Math.Floor(hoursPerWeek * Pupils / PerHours + 1e-9);
}
