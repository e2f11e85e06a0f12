-- ApGrid's own table, not Orleans's: which grains' stored state still owes calls to other grains
-- (a pupil's change the LA or the change feed has not been told of yet). GroupCommitGrainStorage
-- adds or removes a grain's row in the same transaction as the grain's state; FollowUpSweep reads
-- it to wake those grains after a crash. Safe to repeat at every start, like the other scripts.

CREATE TABLE IF NOT EXISTS ApGridFollowUps
(
    ServiceId TEXT    NOT NULL,
    GrainId   TEXT    NOT NULL,
    -- When the grain first owed something since it last owed nothing: Unix milliseconds, UTC.
    MarkedAt  INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId)
) STRICT;
