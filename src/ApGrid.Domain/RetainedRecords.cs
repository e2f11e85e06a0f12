namespace ApGrid.Domain;

/// <summary>
/// What a pupil holds of one kind: how many records, and whether any is still open (a placement
/// running, a referral undecided, an EHC case or waiting-list entry live, an exclusion's duty running).
/// An open record is kept whatever its age: the LA still needs it to do the statutory work.
/// </summary>
public sealed record RetainedRecords(RetainedRecordKind Kind, int Count, bool Open);
