using System.Data.Common;
using System.Globalization;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// The stored items of a 台账 page (or of a unit's status), read with a hand-written reader: one command of two
/// statements on the connection and transaction EF Core uses — the items with their documents and cadences (the items
/// first, then their documents once each) and their details (lead and responsible roles with their units, figures,
/// times: <see cref="ItemDetails"/>, built by the database from those rows when they are written), and the progress
/// reports anchored to their documents — read column by column into the values EF Core's query used to build. Nothing
/// is tracked, no row is repeated by joining collections, no expression is compiled; the roles, figures and times are
/// not looked up item by item in three more tables (docs/web.md, Load, for the figures). The SQL is the same on both
/// providers but for lists of ids (a PostgreSQL array; a JSON array SQLite reads with json_each).
/// </summary>
internal static class StoredItemRows
{
    private const string Ids = "{ids}";

    private const string Sql = $"""
        WITH i AS MATERIALIZED (
            SELECT i."Id", i."DocumentId", i."Ordinal", i."Key", i."Number", i."Text", i."SpanStart", i."SpanLength", i."Details"
            FROM items AS i WHERE {Ids}
        ),
        d AS MATERIALIZED (
            SELECT d."Id", d."SourceId", d."Position", d."Version", d."Key", d."DocNumber", d."Title", s."FileName", d."Jurisdiction",
                   d."Date", d."ImportedAt", d."SpanStart", d."SpanLength", d."CadenceKind", d."CadenceDueDay", d."CadenceSource",
                   c."Kind", c."DueDay", c."Origin"
            FROM documents AS d
            INNER JOIN sources AS s ON s."Id" = d."SourceId"
            LEFT JOIN document_cadences AS c ON c."SourceId" = d."SourceId" AND c."DocumentPosition" = d."Position"
            WHERE d."Id" IN (SELECT i."DocumentId" FROM i)
        )
        SELECT i."Id", i."Ordinal", i."Key", i."Number", i."Text", i."SpanStart", i."SpanLength",
               d."Id", d."SourceId", d."Position", d."Version", d."Key", d."DocNumber", d."Title", d."FileName", d."Jurisdiction",
               d."Date", d."ImportedAt", d."SpanStart", d."SpanLength", d."CadenceKind", d."CadenceDueDay", d."CadenceSource",
               d."Kind", d."DueDay", d."Origin", i."Details"
        FROM i INNER JOIN d ON d."Id" = i."DocumentId";
        SELECT p."SourceId", p."DocumentPosition", p."ItemKey", p."UnitId", p."Period", p."Percent", p."Done", p."Narrative", p."SubmittedOn", p."UpdatedAt"
        FROM progress_reports AS p
        WHERE EXISTS (
            SELECT 1 FROM items AS i INNER JOIN documents AS d ON d."Id" = i."DocumentId"
            WHERE {Ids} AND d."SourceId" = p."SourceId" AND d."Position" = p."DocumentPosition");
        """;

    private static readonly string PostgresSql = Sql.Replace(Ids, RawCommand.AmongIds(postgres: true, "i.\"Id\""), StringComparison.Ordinal);

    private static readonly string SqliteSql = Sql.Replace(Ids, RawCommand.AmongIds(postgres: false, "i.\"Id\""), StringComparison.Ordinal);

    /// <summary>
    /// The items of these ids in the order of the ids, built as <see cref="EffectiveItems.Uncorrected"/> items are, and
    /// the progress reports of their documents (what a <see cref="StatusBook"/> judges them by).
    /// </summary>
    public static async Task<(IReadOnlyList<TrackedItem> Items, IReadOnlyList<ProgressReport> Reports)> ReadAsync(LedgerContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return ([], []);
        }

        var postgres = db is PostgresLedgerContext;
        return await RawCommand.ReadAsync<(IReadOnlyList<TrackedItem>, IReadOnlyList<ProgressReport>)>(db, postgres ? PostgresSql : SqliteSql, [("ids", RawCommand.Ids(postgres, ids))], async reader =>
        {
            var rows = new Dictionary<long, Row>(ids.Count);
            var units = new Dictionary<long, UnitView>();
            while (await reader.ReadAsync(ct))
            {
                var row = ReadItem(reader, units);
                rows[row.Id] = row;
            }

            await reader.NextResultAsync(ct);
            var reports = new List<ProgressReport>();
            while (await reader.ReadAsync(ct))
            {
                reports.Add(ReadReport(reader));
            }

            var items = new List<TrackedItem>(rows.Count);
            foreach (var id in ids)
            {
                if (rows.TryGetValue(id, out var row))
                {
                    items.Add(row.Track());
                }
            }

            return (items, reports);
        }, ct);
    }

    private static Row ReadItem(DbDataReader r, Dictionary<long, UnitView> units)
    {
        var document = new DocumentView(
            r.GetInt64(7), r.GetInt64(8), r.GetInt32(9), r.GetInt32(10), r.GetString(11), string.Empty,
            RawCommand.NullableString(r, 12), RawCommand.NullableString(r, 13), r.GetString(14), r.GetString(15),
            RawCommand.NullableDate(r, 16), r.GetFieldValue<DateTimeOffset>(17), r.GetInt32(18), r.GetInt32(19));
        document = document with { Name = document.DocNumber ?? document.Title ?? $"{document.FileName}#{document.Position + 1}" };
        var id = r.GetInt64(0);
        var details = RawCommand.NullableString(r, 26) ?? throw new InvalidOperationException($"items: 条目 {id} 的详情（责任单位、数量、时限）尚未生成。");
        var (roles, quantities, times) = ItemDetails.Read(details, units);
        return new Row(id, r.GetInt32(1), r.GetString(2), RawCommand.NullableInt(r, 3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), document, RawCommand.Cadence(r, 20), roles, quantities, times);
    }

    /// <summary>A progress report as judging and the 台账 need it, from its columns in order: SourceId, DocumentPosition, ItemKey, UnitId, Period, Percent, Done, Narrative, SubmittedOn, UpdatedAt.</summary>
    internal static ProgressReport ReadReport(DbDataReader reader) => new()
    {
        SourceId = reader.GetInt64(0),
        DocumentPosition = reader.GetInt32(1),
        ItemKey = reader.GetString(2),
        UnitId = reader.GetInt64(3),
        Period = reader.GetString(4),
        Percent = reader.IsDBNull(5) ? null : reader.GetDecimal(5),
        Done = reader.GetBoolean(6),
        Narrative = RawCommand.NullableString(reader, 7),
        SubmittedOn = reader.GetFieldValue<DateOnly>(8),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(9),
        ReportedBy = string.Empty,
        Origin = string.Empty,
    };

    /// <summary>One item as read, with its roles, figures and times from its details.</summary>
    private sealed record Row(
        long Id, int Ordinal, string Key, int? Number, string Text, int SpanStart, int SpanLength, DocumentView Document, PolicyLedger.Tracking.Periods.ReportingCadence Cadence,
        List<ItemRole> Roles, List<ItemQuantity> Quantities, List<ItemTime> Times)
    {
        public TrackedItem Track() =>
            TrackingItems.Track(EffectiveItems.Uncorrected(Document, new ReadItem(Id, Key, Number, [], Text, SpanStart, SpanLength, null, null, Roles, Quantities, Times), Ordinal), Cadence);
    }
}
