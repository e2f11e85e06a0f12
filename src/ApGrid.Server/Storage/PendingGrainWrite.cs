using ApGrid.Server.Seeding;

namespace ApGrid.Server.Storage;

/// <summary>One grain write waiting for <see cref="GrainWriteQueue"/>: the row, its new payload and the version it replaces.</summary>
internal sealed class PendingGrainWrite(GrainStorageRowKey key, string serviceId, byte[] payload, int? expectedVersion)
{
    public GrainStorageRowKey Key { get; } = key;

    public string ServiceId { get; } = serviceId;

    public byte[] Payload { get; } = payload;

    public int? ExpectedVersion { get; } = expectedVersion;

    /// <summary>The row's new version once committed, or null when the stored version did not match.</summary>
    public TaskCompletionSource<int?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
