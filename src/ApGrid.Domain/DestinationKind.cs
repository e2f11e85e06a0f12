namespace ApGrid.Domain;

/// <summary>Where a pupil goes when a placement ends.</summary>
public enum DestinationKind
{
    /// <summary>Back to the home school.</summary>
    HomeSchool,

    /// <summary>Another mainstream school (URN).</summary>
    OtherSchool,

    /// <summary>A special school place (URN).</summary>
    SpecialSchool,

    /// <summary>Another AP setting (URN); a transfer records this itself.</summary>
    OtherAp,

    /// <summary>Elective home education: the parents' choice, notified to the LA.</summary>
    ElectiveHomeEducation,

    /// <summary>Post-16 education or training, after the school leaving date.</summary>
    Post16,

    /// <summary>Not known, or missing education: a child missing education whom the LA must find.</summary>
    MissingEducation,
}
