namespace ApGrid.Api.GraphQL.Views;

public sealed record LengthOfStayRowView(int FirstYearGroup, int? Pupils, IReadOnlyList<YearShareView> LastYearGroupShares);
