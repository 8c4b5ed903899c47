using System.Data.Common;
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
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            return await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

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
