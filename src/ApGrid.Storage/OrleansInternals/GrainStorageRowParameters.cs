using System.Data;
using System.Data.Common;

namespace ApGrid.Storage;

/// <summary>
/// A row of OrleansStorage as command parameters, named and typed as Orleans's own queries name
/// them: the row's key, the service id and the payload. The grain write queue's WriteToStorageKey
/// and the seed tool's insert both bind their rows through this.
/// </summary>
public sealed class GrainStorageRowParameters
{
    private readonly DbParameter idHash;
    private readonly DbParameter n0;
    private readonly DbParameter n1;
    private readonly DbParameter typeHash;
    private readonly DbParameter typeString;
    private readonly DbParameter extension;
    private readonly DbParameter service;
    private readonly DbParameter payload;

    /// <param name="create">The command's (or batch command's) parameter factory.</param>
    /// <param name="parameters">Where the parameters go.</param>
    public GrainStorageRowParameters(Func<DbParameter> create, DbParameterCollection parameters)
    {
        DbParameter Add(string name, DbType type) => DbParameters.Add(create, parameters, name, type);

        idHash = Add("GrainIdHash", DbType.Int32);
        n0 = Add("GrainIdN0", DbType.Int64);
        n1 = Add("GrainIdN1", DbType.Int64);
        typeHash = Add("GrainTypeHash", DbType.Int32);
        typeString = Add("GrainTypeString", DbType.String);
        extension = Add("GrainIdExtensionString", DbType.String);
        service = Add("ServiceId", DbType.String);
        payload = Add("PayloadBinary", DbType.Binary);
    }

    public void Set(GrainStorageRowKey key, string serviceId, byte[] payloadBinary)
    {
        idHash.Value = key.GrainIdHash;
        n0.Value = key.GrainIdN0;
        n1.Value = key.GrainIdN1;
        typeHash.Value = key.GrainTypeHash;
        typeString.Value = key.GrainTypeString;
        extension.Value = (object?)key.GrainIdExtensionString ?? DBNull.Value;
        service.Value = serviceId;
        payload.Value = payloadBinary;
    }
}
