namespace ApGrid.Grains.Abstractions;

/// <summary>A named person at a provider (<see cref="ProviderContact"/> as stored).</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ContactRecord")]
public sealed record ContactRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Phone)
{
    public ProviderContact ToDomain() => new(Name, Role, Email, Phone);
}
