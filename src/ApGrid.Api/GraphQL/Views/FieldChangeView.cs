namespace ApGrid.Api.GraphQL.Views;

/// <summary>One field of a correction, in the contract's words: its input name and the values as the API shows them.</summary>
public sealed record FieldChangeView(string Field, string? From, string? To);
