namespace ApGrid.Grains.Abstractions;

/// <summary>A key just created or rotated, with its secret: the only time the secret exists outside its holder.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.NewApiKey")]
public sealed record NewApiKey(
    [property: Id(0)] ApiKeyRecord Key,
    [property: Id(1)] string Secret);
