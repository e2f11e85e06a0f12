using System.Text.Json;

namespace ApGrid.Grains.Tests;

/// <summary>Records holding lists compare by reference; snapshots are compared by content instead.</summary>
internal static class SnapshotAssert
{
    public static void SameContent<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
