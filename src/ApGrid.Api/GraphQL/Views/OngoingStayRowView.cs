namespace ApGrid.Api.GraphQL.Views;

/// <summary>Pupils still in AP, by the year group they first entered it in.</summary>
public sealed record OngoingStayRowView(int FirstYearGroup, int? Pupils);
