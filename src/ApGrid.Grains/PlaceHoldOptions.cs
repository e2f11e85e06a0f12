namespace ApGrid.Grains;

/// <summary>The "PlaceHolds" configuration section: when an AP setting checks a held place its pupil never confirmed.</summary>
public sealed class PlaceHoldOptions
{
    /// <summary>
    /// How long a place may stay held unconfirmed before the setting asks the pupil. A start takes
    /// milliseconds and gives up within Orleans's 30-second response timeout, so a hold this old
    /// is one whose start died between the reservation and the pupil's write.
    /// </summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a setting with unconfirmed holds looks at them.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
