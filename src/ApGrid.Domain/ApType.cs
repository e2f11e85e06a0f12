namespace ApGrid.Domain;

/// <summary>
/// The three kinds of AP the DfE study counts apart (its Appendices A and B): a setting's legal
/// form decides the kind, see <see cref="ApTypes.Of"/>.
/// </summary>
public enum ApType
{
    /// <summary>Pupil referral units, AP academies and AP free schools: the school census's AP.</summary>
    StateFunded,

    /// <summary>Registered independent schools used for AP (the AP census).</summary>
    Independent,

    /// <summary>Unregistered providers: not schools at all (the AP census's "unregistered").</summary>
    NonSchool,
}
