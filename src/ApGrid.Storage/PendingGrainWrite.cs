
namespace ApGrid.Storage;

/// <summary>One grain write waiting for <see cref="GrainWriteQueue"/>: the row, its new payload and the version it replaces.</summary>
internal sealed class PendingGrainWrite(GrainStorageRowKey key, string serviceId, byte[] payload, int? expectedVersion, string grainId = "", bool? hasPendingMessages = null)
{
    public GrainStorageRowKey Key { get; } = key;

    public string ServiceId { get; } = serviceId;

    public byte[] Payload { get; } = payload;

    public int? ExpectedVersion { get; } = expectedVersion;

    /// <summary>The grain as <c>GrainId.ToString()</c> gives it, which <c>GrainId.Parse</c> reads back.</summary>
    public string GrainId { get; } = grainId;

    /// <summary>Whether the new state holds undelivered outbox messages (ApGridOutboxIndex lists it), or null for state written without an outbox.</summary>
    public bool? HasPendingMessages { get; } = hasPendingMessages;

    /// <summary>The row's new version once committed, or null when the stored version did not match.</summary>
    public TaskCompletionSource<int?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
