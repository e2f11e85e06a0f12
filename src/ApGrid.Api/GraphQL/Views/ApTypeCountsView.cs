namespace ApGrid.Api.GraphQL.Views;

/// <summary>Pupils in one kind of AP on the census day, in all and by age band.</summary>
public sealed record ApTypeCountsView(string ApType, int? Pupils, IReadOnlyList<CountView> ByAge);
