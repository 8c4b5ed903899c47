using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicyLedger.Ledger.Model;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// Inserts a batch of new documents into SQLite with prepared commands, inside the importer's transaction: what
/// EF Core's SaveChanges does, row by row, at a tenth of the cost. Ids are given here, from the largest id of each
/// table: safe because SQLite has one writer and the transaction (BEGIN IMMEDIATE) holds the write lock.
/// Values are written in the forms EF Core's SQLite provider reads (TEXT dates and decimals, INTEGER booleans).
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<string, SqliteCommand> _inserts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nextIds = new(StringComparer.Ordinal);

    public SqliteRowWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public void Add(LedgerSource source)
    {
        source.Id = Insert("sources", ["Path", "FileName", "CurrentVersion", "CurrentHash", "UnitsFingerprint"],
            [source.Path, source.FileName, source.CurrentVersion, source.CurrentHash, source.UnitsFingerprint]);
        foreach (var document in source.Documents)
        {
            document.SourceId = source.Id;
            Add(document);
        }
    }

    public void Add(LedgerDocument d)
    {
        d.Id = Insert("documents",
            ["SourceId", "Version", "IsCurrent", "ContentHash", "Position", "Key", "ImportedAt", "Encoding", "DocNumber", "Issuer", "Title", "Date", "Kind", "Jurisdiction", "Addressees", "Basis", "SpanStart", "SpanLength", "ItemCount", "CadenceKind", "CadenceDueDay", "CadenceSource"],
            [d.SourceId, d.Version, d.IsCurrent, d.ContentHash, d.Position, d.Key, d.ImportedAt, d.Encoding, d.DocNumber, d.Issuer, d.Title, d.Date, d.Kind, d.Jurisdiction, d.Addressees, d.Basis, d.SpanStart, d.SpanLength, d.ItemCount, d.CadenceKind, d.CadenceDueDay, d.CadenceSource]);
        foreach (var h in d.Headings)
        {
            h.DocumentId = d.Id;
            h.Id = Insert("headings", ["DocumentId", "Ordinal", "Level", "Label", "SpanStart", "SpanLength"], [h.DocumentId, h.Ordinal, h.Level, h.Label, h.SpanStart, h.SpanLength]);
        }

        foreach (var i in d.Items)
        {
            i.DocumentId = d.Id;
            i.Id = Insert("items",
                ["DocumentId", "Ordinal", "Key", "Number", "Marker", "Headings", "Text", "SpanStart", "SpanLength", "ClauseStart", "ClauseLength"],
                [i.DocumentId, i.Ordinal, i.Key, i.Number, i.Marker, i.Headings, i.Text, i.SpanStart, i.SpanLength, i.ClauseStart, i.ClauseLength]);
            foreach (var r in i.Responsibilities)
            {
                if (r.Unit is { } unit)
                {
                    if (unit.Id == 0)
                    {
                        unit.Id = Insert("units", ["Key", "Name", "Jurisdiction", "Kind"], [unit.Key, unit.Name, unit.Jurisdiction, unit.Kind.ToString()]);
                    }

                    r.UnitId = unit.Id;
                }

                // With the copies of the item's values the change tracker's rows get from ReadingCopiesInterceptor.
                r.ItemId = i.Id;
                r.DocumentId = d.Id;
                r.ItemOrdinal = i.Ordinal;
                r.ItemKey = i.Key;
                r.ItemTimeCount = i.Times.Count;
                r.Id = Insert("responsibilities",
                    ["ItemId", "UnitId", "Role", "Mention", "Ordinal", "SpanStart", "SpanLength", "Implied", "GovernsText", "GovernsStart", "GovernsLength", "DocumentId", "ItemOrdinal", "ItemKey", "ItemTimeCount"],
                    [r.ItemId, r.UnitId, r.Role.ToString(), r.Mention, r.Ordinal, r.SpanStart, r.SpanLength, r.Implied, r.GovernsText, r.GovernsStart, r.GovernsLength, r.DocumentId, r.ItemOrdinal, r.ItemKey, r.ItemTimeCount]);
            }

            foreach (var q in i.Quantities)
            {
                q.ItemId = i.Id;
                q.Id = Insert("quantities", ["ItemId", "Ordinal", "Text", "Kind", "Value", "Unit", "Per", "Bound", "High", "SpanStart", "SpanLength"],
                    [q.ItemId, q.Ordinal, q.Text, q.Kind, q.Value, q.Unit, q.Per, q.Bound, q.High, q.SpanStart, q.SpanLength]);
            }

            foreach (var t in i.Times)
            {
                t.ItemId = i.Id;
                t.Id = Insert("times", ["ItemId", "Ordinal", "Text", "Start", "End", "Recurrence", "YearFromContext", "SpanStart", "SpanLength"],
                    [t.ItemId, t.Ordinal, t.Text, t.Start, t.End, t.Recurrence, t.YearFromContext, t.SpanStart, t.SpanLength]);
            }

            foreach (var g in i.Diagnostics)
            {
                g.ItemId = i.Id;
                g.Id = Insert("item_diagnostics", ["ItemId", "Ordinal", "Code", "Severity", "Message", "SpanStart", "SpanLength"],
                    [g.ItemId, g.Ordinal, g.Code, g.Severity, g.Message, g.SpanStart, g.SpanLength]);
            }
        }

        // The items' details from the rows just written (what the change tracker's saves get from ReadingCopiesInterceptor).
        ItemDetails.BuildForDocument(_connection, _transaction, d.Id);
    }

    /// <summary>A version's text; the table is keyed by (SourceId, Version), so no id is given.</summary>
    public void Add(LedgerSourceText text)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "INSERT INTO \"source_texts\" (\"SourceId\", \"Version\", \"Text\") VALUES ($s, $v, $t)";
        command.Parameters.AddWithValue("$s", text.SourceId);
        command.Parameters.AddWithValue("$v", text.Version);
        command.Parameters.AddWithValue("$t", text.Text);
        command.ExecuteNonQuery();
    }

    private long Insert(string table, string[] columns, object?[] values)
    {
        if (!_inserts.TryGetValue(table, out var command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO \"{table}\" (\"Id\", {string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Enumerable.Range(0, columns.Length + 1).Select(n => $"$p{n}"))})";
            for (var n = 0; n <= columns.Length; n++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{n}", null));
            }

            command.Prepare();
            _inserts.Add(table, command);
        }

        var id = NextId(table);
        command.Parameters[0].Value = id;
        for (var n = 0; n < values.Length; n++)
        {
            command.Parameters[n + 1].Value = Convert(values[n]);
        }

        command.ExecuteNonQuery();
        return id;
    }

    private long NextId(string table)
    {
        if (!_nextIds.TryGetValue(table, out var next))
        {
            using var max = _connection.CreateCommand();
            max.Transaction = _transaction;
            max.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
            next = (long)max.ExecuteScalar()! + 1;
        }

        _nextIds[table] = next + 1;
        return next;
    }

    private static object Convert(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
        _ => value,
    };

    public void Dispose()
    {
        foreach (var command in _inserts.Values)
        {
            command.Dispose();
        }
    }
}
