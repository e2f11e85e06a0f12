-- Grain state storage for Orleans's ADO.NET provider (invariant System.Data.SQLite).
-- Applied at every start inside one transaction, so every statement here must be
-- safe to repeat; the query upserts also roll newer query text onto old files.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY CHECK (length(QueryKey) <= 64),
    QueryText TEXT NOT NULL
) STRICT;

-- STRICT makes a mis-typed parameter fail loudly instead of being stored as
-- text and silently never matching again.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NOT NULL
) STRICT;

-- One index serves both lookup and identity: it leads with the two hashes, so it is
-- the (GrainIdHash, GrainTypeHash) lookup index, and being unique it makes a second
-- row for the same grain impossible. SQLite treats NULLs in a unique index as
-- distinct, so the extension is indexed as (value-or-empty, is-null) to keep a NULL
-- extension unique while still telling it apart from an empty string.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain
    ON OrleansStorage
    (
        GrainIdHash,
        GrainTypeHash,
        ServiceId,
        GrainIdN0,
        GrainIdN1,
        GrainTypeString,
        ifnull(GrainIdExtensionString, ''),
        GrainIdExtensionString IS NULL
    );

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'ReadFromStorageKey',
    'SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString;'
),
(
    -- A single UPSERT keeps the write atomic without a transaction around the command
    -- (Orleans sends it on a bare connection). The SELECT offers a candidate row only
    -- for a first write or when the grain already has a row, so a caller holding a
    -- version for a row that is gone cannot resurrect it as version 1. On conflict
    -- the update applies only when the caller saw the current version; otherwise
    -- nothing is returned and Orleans reports an InconsistentStateException.
    'WriteToStorageKey',
    'INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
     GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
       @GrainIdExtensionString, @ServiceId, @PayloadBinary,
       strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
WHERE @GrainStateVersion IS NULL
   OR EXISTS
   (
       SELECT 1 FROM OrleansStorage
       WHERE GrainIdHash = @GrainIdHash
         AND GrainTypeHash = @GrainTypeHash
         AND ServiceId = @ServiceId
         AND GrainIdN0 = @GrainIdN0
         AND GrainIdN1 = @GrainIdN1
         AND GrainTypeString = @GrainTypeString
         AND GrainIdExtensionString IS @GrainIdExtensionString
   )
ON CONFLICT
(
    GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString,
    ifnull(GrainIdExtensionString, ''''), GrainIdExtensionString IS NULL
)
DO UPDATE SET
    PayloadBinary = excluded.PayloadBinary,
    ModifiedOn = excluded.ModifiedOn,
    Version = OrleansStorage.Version + 1
WHERE OrleansStorage.Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;'
),
(
    -- The row is kept, not deleted, so the version keeps counting up and a stale
    -- activation can never match it again after a clear.
    'ClearStorageKey',
    'UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
