namespace ApGrid.Domain;

/// <summary>
/// A half-day of the school week. Part-time AP is booked by half-day because that is the
/// unit schools record attendance in.
/// </summary>
public enum Session
{
    MonAm,
    MonPm,
    TueAm,
    TuePm,
    WedAm,
    WedPm,
    ThuAm,
    ThuPm,
    FriAm,
    FriPm,
}
