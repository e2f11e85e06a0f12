namespace ApGrid.Api.GraphQL.Views;

/// <summary>A setting's register of one day as one caller may see it: a row per pupil expected and session.</summary>
public sealed record RegisterView(string Urn, DateOnly Date, IReadOnlyList<RegisterRowView> Rows);

/// <summary>One pupil in one session: the mark if any, and the not-arrived alert if one was raised.</summary>
public sealed record RegisterRowView(PupilView Pupil, string PlacementId, DateOnly Date, Session Session, RegisterMark? Mark, NotArrivedAlert? Alert);
