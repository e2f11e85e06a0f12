namespace ApGrid.Api.GraphQL.Views;

public sealed record YearShareView(int YearGroup, double? Percent);
