namespace ApGrid.Domain;

/// <summary>One part of an approval and the last day it holds: it has lapsed from the day after.</summary>
public sealed record ProviderExpiry(ExpiryItem Item, DateOnly ValidUntil);
