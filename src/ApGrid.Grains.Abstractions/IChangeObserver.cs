namespace ApGrid.Grains.Abstractions;

/// <summary>A node's listener on a tenant's feed; the node fans each entry out to its own subscribers.</summary>
[Alias("ApGrid.IChangeObserver")]
public interface IChangeObserver : IGrainObserver
{
    [OneWay, Alias("OnChange")]
    Task OnChangeAsync(ChangeEntry entry);
}
