-- ApGrid's own table, not Orleans's: the outbox index, which grains' stored state holds outbox
-- messages not yet delivered (a pupil's change the LA or the change feed has not been told of yet).
-- GroupCommitGrainStorage adds or removes a grain's row in the same transaction as the grain's
-- state; OutboxSweep reads it to wake those grains after a crash. Safe to repeat at every start, like the other scripts.

CREATE TABLE IF NOT EXISTS ApGridOutboxIndex
(
    ServiceId TEXT    NOT NULL,
    GrainId   TEXT    NOT NULL,
    -- When the grain's outbox last went from empty to holding messages: Unix milliseconds, UTC.
    MarkedAt  INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId)
) STRICT;
