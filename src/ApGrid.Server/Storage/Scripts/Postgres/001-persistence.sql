-- Grain state for Orleans's ADO.NET grain storage, PostgreSQL dialect. Safe to run again: tables
-- are created only when missing and the query texts are replaced, which is how they are upgraded.
-- Parameters that can be NULL are cast, because Npgsql sends an untyped NULL.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NOT NULL DEFAULT '',
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL,
    version                integer      NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain ON orleansstorage
    (grainidhash, graintypehash, grainidn0, grainidn1, graintypestring, grainidextensionstring, serviceid);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', '
    SELECT payloadbinary AS "PayloadBinary", version AS "Version"
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
      AND serviceid = @ServiceId;')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- First write (no version yet) inserts version 1; later writes update only the version the grain
-- last saw. Any other case returns no row, which Orleans reports as an inconsistent state.
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', '
    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring,
         serviceid, payloadbinary, modifiedon, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           COALESCE(CAST(@GrainIdExtensionString AS varchar), ''''), @ServiceId, @PayloadBinary, now(), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
       OR EXISTS (SELECT 1 FROM orleansstorage
                  WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
                    AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
                    AND graintypestring = @GrainTypeString
                    AND grainidextensionstring = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
                    AND serviceid = @ServiceId)
    ON CONFLICT (grainidhash, graintypehash, grainidn0, grainidn1, graintypestring, grainidextensionstring, serviceid)
    DO UPDATE SET payloadbinary = excluded.payloadbinary,
                  modifiedon = excluded.modifiedon,
                  version = orleansstorage.version + 1
    WHERE orleansstorage.version = CAST(@GrainStateVersion AS integer)
    RETURNING version AS "NewGrainStateVersion";')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', '
    UPDATE orleansstorage
    SET payloadbinary = NULL, modifiedon = now(), version = version + 1
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring = COALESCE(CAST(@GrainIdExtensionString AS varchar), '''')
      AND serviceid = @ServiceId
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version;')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
