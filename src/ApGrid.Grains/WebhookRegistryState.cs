namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.WebhookRegistryState")]
public sealed class WebhookRegistryState
{
    [Id(0)] public List<string> WebhookIds { get; set; } = [];

    [Id(1)] public int Registered { get; set; }
}
