namespace ApGrid.Api.GraphQL.Views;

public sealed record HalfTermView(HalfTermName Name, HalfTerm Term);
