using ApGrid.Storage;

namespace ApGrid.Seed;

/// <summary>One grain's state, serialized, ready to insert as a first write (version 1).</summary>
public sealed record GrainStateRow(GrainStorageRowKey Key, byte[] Payload);
