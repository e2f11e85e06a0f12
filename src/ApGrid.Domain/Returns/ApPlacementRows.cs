namespace ApGrid.Domain.Returns;

/// <summary>
/// Builds AP census / school census AP module rows for the chosen placements: every placement is
/// validated first, and a code ApGrid cannot map is a failure like any other, never a blank.
/// </summary>
public static class ApPlacementRows
{
    public static ReturnResult<ApPlacementRow> Build(IEnumerable<(ReturnPupil Pupil, ReturnPlacement Placement)> chosen, DateOnly censusDate)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var rows = new List<ApPlacementRow>();
        var failures = new List<ReturnFailure>();
        var pupils = new List<string>();
        foreach (var (pupil, placement) in chosen.OrderBy(c => c.Pupil.UpnOrder, StringComparer.Ordinal).ThenBy(c => c.Placement.StartDate).ThenBy(c => c.Placement.PlacementId, StringComparer.Ordinal))
        {
            if (!pupils.Contains(pupil.PupilId)) pupils.Add(pupil.PupilId);
            var found = ApPlacementValidator.Check(pupil, placement, censusDate);
            if (found.Count > 0)
            {
                failures.AddRange(found);
                continue;
            }

            var unmapped = false;
            string Code<T>(string item, T value, Func<T, string> map)
            {
                try
                {
                    return map(value);
                }
                catch (ArgumentOutOfRangeException)
                {
                    failures.Add(new ReturnFailure(pupil.PupilId, pupil.Upn, item, $"ApGrid has no census code for {item} '{value}'."));
                    unmapped = true;
                    return string.Empty;
                }
            }

            var row = new ApPlacementRow(
                pupil.PupilId,
                pupil.Upn,
                pupil.DateOfBirth,
                pupil.HomePostcode,
                Code("SENprovision", pupil.SenProvision, CensusCodes.ToCode),
                pupil.PrimaryNeed is { } need ? Code("SENtype", need, CensusCodes.ToCode) : null,
                placement.Setting.Urn,
                placement.Setting.Ukprn,
                Code("APsettingType", placement.Setting.ApType!.Value, CensusCodes.ToApSettingCode),
                Code("APreason", placement.Route, CensusCodes.ToApReasonCode),
                placement.StartDate,
                placement.EndDate,
                CensusCodes.ToAttendancePattern(placement.FullTime),
                placement.FullTime ? ApPlacementValidator.SessionsInWeek : placement.SessionsPerWeek);
            if (!unmapped) rows.Add(row);
        }

        return new ReturnResult<ApPlacementRow>(rows, failures, pupils);
    }
}
