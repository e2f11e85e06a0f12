namespace ApGrid.Grains;

/// <summary>
/// Grain state that can hold calls its change still owes other grains. Grain storage keeps, in the
/// same transaction as the state, a mark of which grains owe any, so that a sweep can wake them
/// after a crash instead of waiting for someone to read them (see docs/architecture.md).
/// </summary>
public interface IOwesFollowUps
{
    bool OwesFollowUps { get; }
}
