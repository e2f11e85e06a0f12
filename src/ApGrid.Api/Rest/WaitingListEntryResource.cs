using ApGrid.Api.GraphQL.Views;

namespace ApGrid.Api.Rest;

/// <summary>An open waiting-list entry as REST shows it: the pupil by id only, as the list's own fields.</summary>
public sealed record WaitingListEntryResource(
    string Id,
    string PupilId,
    string SpecialSchoolUrn,
    DateOnly AddedOn,
    int? Position,
    string Status,
    int DaysWaiting,
    DateOnly? OfferedOn,
    string? OfferReason)
{
    public static WaitingListEntryResource From(WaitingListEntryView view, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(view);
        var r = view.Record;
        return new(r.Id, r.PupilId, r.SpecialSchoolUrn, r.AddedOn, r.Position, r.Status.ToString().ToUpperInvariant(),
            WaitingListRules.DaysWaiting(r.AddedOn, r.ClosedOn, today), r.OfferedOn, r.OfferReason);
    }
}
