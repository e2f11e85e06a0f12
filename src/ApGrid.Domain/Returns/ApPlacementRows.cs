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
        foreach (var (pupil, placement) in chosen.OrderBy(c => c.Pupil.Upn, StringComparer.Ordinal).ThenBy(c => c.Placement.StartDate).ThenBy(c => c.Placement.PlacementId, StringComparer.Ordinal))
        {
            if (!pupils.Contains(pupil.PupilId)) pupils.Add(pupil.PupilId);
            var found = ApPlacementValidator.Check(pupil, placement, censusDate);
            if (found.Count > 0)
            {
                failures.AddRange(found);
                continue;
            }

            try
            {
                rows.Add(new ApPlacementRow(
                    pupil.PupilId,
                    pupil.Upn,
                    pupil.DateOfBirth,
                    pupil.HomePostcode,
                    CensusCodes.ToCode(pupil.SenProvision),
                    pupil.PrimaryNeed is { } need ? CensusCodes.ToCode(need) : null,
                    placement.Setting.Urn,
                    placement.Setting.Ukprn,
                    CensusCodes.ToApSettingCode(placement.Setting.ApType!.Value),
                    CensusCodes.ToApReasonCode(placement.Route),
                    placement.StartDate,
                    placement.EndDate,
                    CensusCodes.ToAttendancePattern(placement.FullTime),
                    placement.FullTime ? ApPlacementValidator.SessionsInWeek : placement.SessionsPerWeek));
            }
            catch (ArgumentOutOfRangeException e)
            {
                failures.Add(new ReturnFailure(pupil.PupilId, pupil.Upn, e.ParamName ?? "code", $"No census code: {e.Message}"));
            }
        }

        return new ReturnResult<ApPlacementRow>(rows, failures, pupils);
    }
}
