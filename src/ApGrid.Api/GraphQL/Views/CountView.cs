namespace ApGrid.Api.GraphQL.Views;

public sealed record CountView(string Key, int? Count);
