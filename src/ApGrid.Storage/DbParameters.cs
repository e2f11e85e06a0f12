using System.Data;
using System.Data.Common;

namespace ApGrid.Storage;

/// <summary>Named, typed parameters for the statements ApGrid runs itself, on SQLite and PostgreSQL alike.</summary>
public static class DbParameters
{
    /// <param name="create">The command's (or batch command's) parameter factory: the two share no interface.</param>
    /// <param name="parameters">Where the parameter goes.</param>
    public static DbParameter Add(Func<DbParameter> create, DbParameterCollection parameters, string name, DbType type, object? value = null)
    {
        var parameter = create();
        parameter.ParameterName = name;
        parameter.DbType = type;
        if (value is not null) parameter.Value = value;
        parameters.Add(parameter);
        return parameter;
    }
}
