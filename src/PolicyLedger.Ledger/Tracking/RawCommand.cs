using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Tracking.Periods;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// A hand-written command of the hot paths (<see cref="StoredItemRows"/>, <see cref="UnitStatusRows"/>,
/// <see cref="JurisdictionPages"/>, a unit asked for, the saved scope, a bearer token's user) on the connection and
/// transaction EF Core uses: the connection opened for it and closed after (given back to the pool unless a
/// transaction holds it), the reader handed to the caller.
/// </summary>
public static class RawCommand
{
    public static async Task<T> ReadAsync<T>(LedgerContext db, string sql, IReadOnlyList<(string Name, object Value)> parameters, Func<DbDataReader, Task<T>> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Create(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A command of this SQL with these parameters, on a connection and in a transaction (if any).</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>"<paramref name="column"/> is one of @ids" (<see cref="Ids"/>): a PostgreSQL array (an index scan), or a JSON array SQLite reads with json_each.</summary>
    public static string AmongIds(bool postgres, string column) =>
        postgres ? $"{column} = ANY (@ids)" : $"{column} IN (SELECT value FROM json_each(@ids))";

    /// <summary>The value of @ids for <see cref="AmongIds"/>.</summary>
    public static object Ids(bool postgres, IReadOnlyCollection<long> ids) =>
        postgres ? ids.ToArray() : "[" + string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";

    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static DateOnly? NullableDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    public static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    /// <summary>
    /// A document's cadence in effect from six columns from <paramref name="first"/> on: the cadence read from its text
    /// (kind, due day, source) and the office's override (kind, due day, origin; null kind when none).
    /// </summary>
    public static ReportingCadence Cadence(DbDataReader r, int first)
    {
        var overridden = r.IsDBNull(first + 3)
            ? null
            : new DocumentCadence { Kind = r.GetString(first + 3), DueDay = NullableInt(r, first + 4), Origin = r.GetString(first + 5) };
        return StoredCadence.Effective(NullableString(r, first), NullableInt(r, first + 1), NullableString(r, first + 2), overridden);
    }
}
