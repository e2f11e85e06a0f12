namespace ApGrid.Domain;

/// <summary>The kinds of a pupil's records that have their own retention period (ADR 020).</summary>
public enum RetainedRecordKind
{
    /// <summary>Who the pupil is: the record, its corrections and the home-school timetables.</summary>
    PupilRecord,

    /// <summary>Placements with their reviews, changes, LA notification steps and attendance.</summary>
    Placement,

    /// <summary>Referrals: reasons, strategies tried, the panel's decision.</summary>
    Referral,

    /// <summary>Suspensions and permanent exclusions.</summary>
    Exclusion,

    /// <summary>Special educational needs records: the EHC case and special-school waiting-list entries.</summary>
    Sen,
}
