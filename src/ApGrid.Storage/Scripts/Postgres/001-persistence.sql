-- Grain state storage for Orleans's ADO.NET provider (invariant Npgsql).
-- Applied at every start inside one transaction under an advisory lock, so every
-- statement here must be safe to repeat; the query upserts also roll newer query
-- text onto old databases.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL
);

-- One index serves both lookup and identity: it leads with the two hashes, so it is
-- the (GrainIdHash, GrainTypeHash) lookup index, and being unique (NULLS NOT
-- DISTINCT, PostgreSQL 15+) it is the arbiter that makes two racing first writes of
-- one grain end in one row and one version conflict instead of a duplicate.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain
    ON OrleansStorage
    (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Parameters that can be NULL are cast because Npgsql cannot infer a type for an
-- untyped NULL. Writes wrap the DML in a CTE so that they always return exactly one
-- row, NULL on a version conflict, which every Orleans version reads as a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'ReadFromStorageKey',
    'SELECT PayloadBinary AS "PayloadBinary", Version AS "Version"
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString::varchar;'
),
(
    -- A single statement keeps the write atomic without a transaction around the
    -- command. The SELECT offers a candidate row only for a first write or when the
    -- grain already has a row, so a caller holding a version for a row that is gone
    -- cannot resurrect it as version 1. On conflict the update applies only when the
    -- caller saw the current version (re-checked on the locked row).
    'WriteToStorageKey',
    'WITH written AS
(
    INSERT INTO OrleansStorage AS s
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
         GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString::varchar, @ServiceId, @PayloadBinary::bytea, now(), 1
    WHERE @GrainStateVersion::integer IS NULL
       OR EXISTS
       (
           SELECT 1 FROM OrleansStorage
           WHERE GrainIdHash = @GrainIdHash
             AND GrainTypeHash = @GrainTypeHash
             AND ServiceId = @ServiceId
             AND GrainIdN0 = @GrainIdN0
             AND GrainIdN1 = @GrainIdN1
             AND GrainTypeString = @GrainTypeString
             AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
       )
    ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
    DO UPDATE SET
        PayloadBinary = excluded.PayloadBinary,
        ModifiedOn = excluded.ModifiedOn,
        Version = s.Version + 1
    WHERE s.Version = @GrainStateVersion::integer
    RETURNING s.Version
)
SELECT (SELECT Version FROM written) AS "NewGrainStateVersion";'
),
(
    -- The row is kept, not deleted, so the version keeps counting up and a stale
    -- activation can never match it again after a clear.
    'ClearStorageKey',
    'WITH cleared AS
(
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash
      AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString::varchar
      AND Version = @GrainStateVersion::integer
    RETURNING Version
)
SELECT (SELECT Version FROM cleared) AS "NewGrainStateVersion";'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
