namespace ApGrid.Grains.Abstractions;

/// <summary>Why a pupil's records were erased: the retention policy, or a request the LA granted.</summary>
public enum ErasureGround
{
    Retention,
    Request,
}
