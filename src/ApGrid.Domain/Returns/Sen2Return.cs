namespace ApGrid.Domain.Returns;

/// <summary>
/// The SEN2 person-level return for calendar year <c>year</c> (collected the following January):
/// every pupil whose EHC case was live at some point in the year. Requests, decisions, plans issued
/// and ceased, and annual reviews count up to 31 December; active plans and their placements are as
/// at the reference date, the January census day.
/// </summary>
public static class Sen2Return
{
    /// <summary>The January census day after <paramref name="year"/>: SEN2's reference date.</summary>
    public static DateOnly ReferenceDate(int year) => SchoolCensus.JanuaryCensusDay(new DateOnly(year + 1, 1, 1));

    public static ReturnResult<Sen2Person> Build(IEnumerable<ReturnPupil> pupils, int year)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        var persons = new List<Sen2Person>();
        var failures = new List<ReturnFailure>();
        var read = new List<string>();
        foreach (var pupil in pupils.Where(p => p.Ehcp is { } e && LiveIn(e, year)).OrderBy(p => p.UpnOrder, StringComparer.Ordinal))
        {
            read.Add(pupil.PupilId);
            var found = new List<ReturnFailure>();
            var person = Person(pupil, year, found);
            found.AddRange(Sen2Validator.Check(pupil, person, year));
            if (found.Count > 0) failures.AddRange(found);
            else persons.Add(person);
        }

        return new ReturnResult<Sen2Person>(persons, failures, read);
    }

    /// <summary>Requested by the year's end and not closed (refused, not issued or ceased) before it began.</summary>
    public static bool LiveIn(ReturnEhcp ehcp, int year)
    {
        ArgumentNullException.ThrowIfNull(ehcp);
        var start = new DateOnly(year, 1, 1);
        if (ehcp.RequestedOn > new DateOnly(year, 12, 31)) return false;
        var closedOn = ehcp.Stage switch
        {
            EhcpStage.NotAssessed => ehcp.DecisionOn,
            EhcpStage.NotIssued => ehcp.NotIssuedOn,
            _ => ehcp.CeasedOn,
        };
        return closedOn is not { } closed || closed >= start;
    }

    private static Sen2Person Person(ReturnPupil pupil, int year, List<ReturnFailure> failures)
    {
        var e = pupil.Ehcp!;
        var end = new DateOnly(year, 12, 31);
        var reference = ReferenceDate(year);
        bool By(DateOnly? date, DateOnly limit) => date is { } d && d <= limit;

        var decided = By(e.DecisionOn, end);
        var requestOutcome = decided ? CensusCodes.ToSen2RequestOutcome(e.Stage) : null;
        Sen2Assessment? assessment = null;
        if (requestOutcome == "A")
        {
            var issued = By(e.FinalIssuedOn, end);
            var notIssued = By(e.NotIssuedOn, end);
            var plan = issued
                ? new Sen2NamedPlan(
                    e.FinalIssuedOn!.Value,
                    PlacementOn(pupil, By(e.CeasedOn, end) ? e.CeasedOn!.Value : end),
                    By(e.CeasedOn, end) ? e.CeasedOn : null,
                    By(e.CeasedOn, end) && e.CeaseReason is { } reason ? CensusCodes.ToSen2Code(reason) : null)
                : null;
            assessment = new Sen2Assessment(
                issued || notIssued ? CensusCodes.ToSen2AssessmentOutcome(e.Stage) : null,
                issued ? e.FinalIssuedOn : notIssued ? e.NotIssuedOn : null,
                e.TimeLimitExceptions,
                plan);
        }

        Sen2ActivePlan? active = null;
        if (By(e.FinalIssuedOn, reference) && !By(e.CeasedOn, reference))
        {
            string? need = null;
            if (pupil.PrimaryNeed is { } primary)
            {
                try
                {
                    need = CensusCodes.ToSen2NeedCode(primary);
                }
                catch (DomainRuleException x)
                {
                    failures.Add(new ReturnFailure(pupil.PupilId, pupil.Upn, x.Error.Field, x.Error.Message));
                }
            }

            var review = e.Reviews.Where(r => r.MeetingOn.Year == year).MaxBy(r => r.MeetingOn);
            active = new Sen2ActivePlan(PlacementOn(pupil, reference), need, review?.MeetingOn, By(review?.DecisionOn, end) ? review!.DecisionOn : null);
        }

        var request = new Sen2Request(
            e.RequestedOn,
            e.Source is { } source ? CensusCodes.ToSen2Code(source) : null,
            decided ? e.DecisionOn : null,
            requestOutcome,
            assessment,
            active);
        return new Sen2Person(pupil.PupilId, pupil.Upn, pupil.DateOfBirth, pupil.HomePostcode, request);
    }

    /// <summary>
    /// Where the plan has the pupil on <paramref name="date"/>: an LA arrangement under section 61
    /// (its URN, or OLA for a provider without one), else the special school whose place was
    /// accepted, else the home school.
    /// </summary>
    public static Sen2Placement PlacementOn(ReturnPupil pupil, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        if (pupil.Placements.Where(p => p.Route == PlacementRoute.EhcPlanS61 && p.RunsOn(date)).MaxBy(p => p.StartDate) is { } s61)
        {
            return s61.Setting.Urn is { } urn
                ? new Sen2Placement(urn, s61.Setting.Ukprn, null, s61.StartDate, s61.EndDate)
                : new Sen2Placement(null, null, CensusCodes.Sen2OtherLaArrangements, s61.StartDate, s61.EndDate);
        }

        if (pupil.SpecialSchool is { } special && special.From <= date)
        {
            return new Sen2Placement(special.Setting.Urn, special.Setting.Ukprn, null, special.From);
        }

        return new Sen2Placement(pupil.HomeSchoolUrn, null, null);
    }
}
