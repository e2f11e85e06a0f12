namespace ApGrid.Domain.Returns;

/// <summary>
/// The SEN2 validation rules ApGrid can check for one person: a valid UPN, a birth date before the
/// reference date, a request source for requests received in the year, dates in order (received,
/// request outcome, assessment outcome and plan start, cease; review meeting, then decision), a
/// cease reason with every cease date, a need for every active plan, and every placement named by
/// URN, UKPRN or SEN setting.
/// </summary>
public static class Sen2Validator
{
    public static IReadOnlyList<ReturnFailure> Check(ReturnPupil pupil, Sen2Person person, int year)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        ArgumentNullException.ThrowIfNull(person);
        var failures = new List<ReturnFailure>();
        void Fail(string item, string message) => failures.Add(new ReturnFailure(pupil.PupilId, pupil.Upn, item, message));
        void Order(string item, DateOnly? earlier, string earlierItem, DateOnly? later)
        {
            if (earlier is { } a && later is { } b && b < a) Fail(item, $"{item} {b:yyyy-MM-dd} is before {earlierItem} {a:yyyy-MM-dd}.");
        }

        var reference = Sen2Return.ReferenceDate(year);
        var request = person.Request;
        if (!Upn.TryParse(person.Upn, out _)) Fail("UPN", $"'{person.Upn}' is not a valid UPN (13 characters with a matching check letter).");
        if (person.BirthDate >= reference) Fail("PersonBirthDate", $"The birth date {person.BirthDate:yyyy-MM-dd} is not before the reference date {reference:yyyy-MM-dd}.");
        if (request.Source is null && request.ReceivedDate.Year == year) Fail("RequestSource", "A request received in the year needs its source (parent or young person, school, health, social care or other).");
        Order("RequestOutcomeDate", request.ReceivedDate, "ReceivedDate", request.OutcomeDate);
        if (request.Assessment is { } assessment)
        {
            Order("AssessmentOutcomeDate", request.OutcomeDate, "RequestOutcomeDate", assessment.OutcomeDate);
            if (assessment.NamedPlan is { } plan)
            {
                Order("StartDate", request.ReceivedDate, "ReceivedDate", plan.StartDate);
                Order("CeaseDate", plan.StartDate, "StartDate", plan.CeaseDate);
                if (plan.CeaseDate is not null && plan.CeaseReason is null) Fail("CeaseReason", "A ceased plan needs the reason it ceased.");
                Placement("PlanDetail", plan.Placement);
            }
        }

        if (request.ActivePlan is { } active)
        {
            if (active.SenType is null && pupil.PrimaryNeed is null) Fail("SENtype", "An active plan needs the pupil's primary type of need.");
            Order("LastReview", active.ReviewMeeting, "ReviewMeeting", active.LastReview);
            Placement("PlacementDetail", active.Placement);
            Order("LeavingDate", active.Placement.EntryDate, "EntryDate", active.Placement.LeavingDate);
        }

        return failures;

        void Placement(string module, Sen2Placement placement)
        {
            if (placement.Urn is null && placement.Ukprn is null && placement.SenSetting is null) Fail("URN", $"{module} needs a URN, a UKPRN or a SEN setting.");
            if (placement.Urn is { } urn && !Urn.TryParse(urn, out _)) Fail("URN", $"{module}: '{urn}' is not a URN (6 digits).");
            if (placement.Ukprn is { } ukprn && !Ukprn.IsValid(ukprn)) Fail("UKPRN", $"{module}: '{ukprn}' is not a UKPRN (8 digits starting 1).");
        }
    }
}
