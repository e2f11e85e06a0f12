-- Cluster membership for Orleans's ADO.NET clustering provider (invariant Npgsql): which silos
-- exist, whether they are alive, and the table version that makes every membership change a
-- compare-and-swap. Applied at every start like 001, so every statement is safe to repeat.
--
-- The provider's contract, as its code reads it:
-- * every query gets @DeploymentId (the Orleans ClusterId); a silo is identified by
--   @Address (text), @Port and @Generation;
-- * reads return one row per silo joined to the version row, and at least one row (the version
--   row with NULL silo columns) so the version is known even with no silos; columns
--   Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime,
--   IAmAliveTime, Version;
-- * writes pass @Version = the version they read (the table version's etag; the provider's
--   next version is one more) and return one boolean column, true when the version still was
--   @Version, so it moved to @Version + 1 with the row change;
-- * times arrive as UTC DateTime (DbType.DateTime, so timestamp without time zone).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp    timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    Version      integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)  NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45)   NOT NULL,
    Port         integer       NOT NULL,
    Generation   integer       NOT NULL,
    SiloName     varchar(150)  NOT NULL,
    HostName     varchar(150)  NOT NULL,
    Status       integer       NOT NULL,
    ProxyPort    integer       NOT NULL DEFAULT 0,
    SuspectTimes varchar(8000) NULL,
    StartTime    timestamp     NOT NULL,
    IAmAliveTime timestamp     NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    -- A heartbeat, not a membership change: it does not move the table version.
    'UpdateIAmAlivetimeKey',
    'UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation;'
),
(
    -- True only for the silo that created the version row; the others find it there.
    'InsertMembershipVersionKey',
    'WITH inserted AS
(
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);'
),
(
    -- The version moves only when the silo row is new, so a refused insert changes nothing.
    -- Two racing writers serialise on the version row; the loser sees its expected version gone.
    'InsertMembershipKey',
    'WITH bumped AS
(
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = (now() AT TIME ZONE ''utc'')
    WHERE DeploymentId = @DeploymentId
      AND Version = @Version
      AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                      WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
),
inserted AS
(
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);'
),
(
    'UpdateMembershipKey',
    'WITH bumped AS
(
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = (now() AT TIME ZONE ''utc'')
    WHERE DeploymentId = @DeploymentId
      AND Version = @Version
      AND EXISTS (SELECT 1 FROM OrleansMembershipTable
                  WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
),
updated AS
(
    UPDATE OrleansMembershipTable AS m
    SET Status = @Status,
        SuspectTimes = @SuspectTimes::varchar,
        IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId
      AND m.Address = @Address
      AND m.Port = @Port
      AND m.Generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated);'
),
(
    -- LEFT JOIN from the version row: the answer always has a row that carries the version.
    'MembershipReadRowKey',
    'SELECT v.DeploymentId AS "DeploymentId", m.Address AS "Address", m.Port AS "Port", m.Generation AS "Generation",
       m.SiloName AS "SiloName", m.HostName AS "HostName", m.Status AS "Status", m.ProxyPort AS "ProxyPort",
       m.SuspectTimes AS "SuspectTimes", m.StartTime AS "StartTime", m.IAmAliveTime AS "IAmAliveTime", v.Version AS "Version"
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address
      AND m.Port = @Port
      AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;'
),
(
    'MembershipReadAllKey',
    'SELECT v.DeploymentId AS "DeploymentId", m.Address AS "Address", m.Port AS "Port", m.Generation AS "Generation",
       m.SiloName AS "SiloName", m.HostName AS "HostName", m.Status AS "Status", m.ProxyPort AS "ProxyPort",
       m.SuspectTimes AS "SuspectTimes", m.StartTime AS "StartTime", m.IAmAliveTime AS "IAmAliveTime", v.Version AS "Version"
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;'
),
(
    'DeleteMembershipTableEntriesKey',
    'DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'
),
(
    -- Silos that stopped heartbeating before the cut-off and are not Active (3) any more.
    'CleanupDefunctSiloEntriesKey',
    'DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND IAmAliveTime < @IAmAliveTime
  AND Status <> 3;'
),
(
    -- @Status is Active (3); a silo without a client gateway has ProxyPort 0.
    'GatewaysQueryKey',
    'SELECT Address AS "Address", ProxyPort AS "ProxyPort", Generation AS "Generation"
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = @Status
  AND ProxyPort > 0;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
