namespace ApGrid.Domain.Returns;

/// <summary>
/// The AP census and school census validation rules ApGrid can check for one placement on census
/// day: a UPN with its check letter, a date of birth before census day, a need for every pupil with
/// SEN provision (and NSA only with SEN support), the setting named by URN or UKPRN, dates in order
/// and sessions that fit the attendance pattern.
/// </summary>
public static class ApPlacementValidator
{
    public const int SessionsInWeek = 10;

    public static IReadOnlyList<ReturnFailure> Check(ReturnPupil pupil, ReturnPlacement placement, DateOnly censusDate)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        ArgumentNullException.ThrowIfNull(placement);
        var failures = new List<ReturnFailure>();
        void Fail(string item, string message) => failures.Add(new ReturnFailure(pupil.PupilId, pupil.Upn, item, message));

        if (!Upn.TryParse(pupil.Upn, out _)) Fail("UPN", $"'{pupil.Upn}' is not a valid UPN (13 characters with a matching check letter).");
        if (pupil.DateOfBirth >= censusDate) Fail("DOB", $"The date of birth {pupil.DateOfBirth:yyyy-MM-dd} is not before census day {censusDate:yyyy-MM-dd}.");
        switch (pupil.SenProvision, pupil.PrimaryNeed)
        {
            case (SenProvision.SenSupport or SenProvision.EhcPlan, null):
                Fail("SENtype", $"SEN provision {CensusCodes.ToCode(pupil.SenProvision)} needs a primary type of need.");
                break;
            case (SenProvision.None, { } need):
                Fail("SENtype", $"A type of need ({CensusCodes.ToCode(need)}) is recorded but SEN provision is N.");
                break;
            case (SenProvision.EhcPlan, NeedType.Nsa):
                Fail("SENtype", "NSA is for SEN support only: a pupil with an EHC plan has an assessed type of need.");
                break;
        }

        var setting = placement.Setting;
        if (setting.Urn is null && setting.Ukprn is null && setting.ApType != ApSettingType.UnregisteredProvider)
        {
            Fail("URN", "The AP setting has neither a URN nor a UKPRN.");
        }

        if (setting.Urn is not null && !Urn.TryParse(setting.Urn, out _)) Fail("URN", $"'{setting.Urn}' is not a URN (6 digits).");
        if (setting.Ukprn is not null && !Ukprn.IsValid(setting.Ukprn)) Fail("UKPRN", $"'{setting.Ukprn}' is not a UKPRN (8 digits starting 1).");
        if (setting.ApType is null) Fail("SettingType", "The setting is not an AP setting.");
        if (placement.StartDate > censusDate) Fail("EntryDate", $"The entry date {placement.StartDate:yyyy-MM-dd} is after census day.");
        if (placement.EndDate is { } end && end < placement.StartDate) Fail("LeavingDate", $"The leaving date {end:yyyy-MM-dd} is before the entry date {placement.StartDate:yyyy-MM-dd}.");
        if (placement.SessionsPerWeek is < 0 or > SessionsInWeek)
        {
            Fail("Sessions", $"{placement.SessionsPerWeek} sessions is not between 0 and {SessionsInWeek}.");
        }
        else if (!placement.FullTime && placement.SessionsPerWeek == 0)
        {
            Fail("Sessions", "A part-time placement has no session booked on census day.");
        }

        return failures;
    }
}
