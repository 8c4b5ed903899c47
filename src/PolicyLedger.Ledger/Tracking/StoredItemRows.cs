using System.Data.Common;
using System.Globalization;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// The stored items of a 台账 page (or of a unit's status), read with a hand-written reader: one command of five
/// statements on the connection and transaction EF Core uses — the items with their documents and cadences (the items
/// first, then their documents once each), their lead and responsible roles with the units that hold them, figures,
/// times, and the progress reports anchored to their documents — each a flat result read column by column into the
/// values EF Core's query used to build. Nothing is tracked, no row is repeated by joining collections, no expression
/// is compiled (docs/web.md, Load, for the
/// figures). The SQL is the same on both providers but for lists of ids (a PostgreSQL array; a JSON array SQLite reads
/// with json_each).
/// </summary>
internal static class StoredItemRows
{
    private const string Ids = "{ids}";

    private const string UnitsOf = "{unitsOf}";

    private const string UnitsOfEnd = "{unitsOfEnd}";

    private const string Sql = $"""
        WITH i AS MATERIALIZED (
            SELECT i."Id", i."DocumentId", i."Ordinal", i."Key", i."Number", i."Text", i."SpanStart", i."SpanLength"
            FROM items AS i WHERE i."Id" {Ids}
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
               d."Kind", d."DueDay", d."Origin"
        FROM i INNER JOIN d ON d."Id" = i."DocumentId";
        WITH r AS MATERIALIZED (
            SELECT r."ItemId", r."Ordinal", r."Role", r."Mention", r."UnitId"
            FROM responsibilities AS r
            WHERE r."ItemId" {Ids} AND r."Role" <> 'Cooperating'
        ),
        u AS MATERIALIZED (
            SELECT u."Id", u."Key", u."Name", u."Jurisdiction", u."Kind"
            FROM units AS u
            WHERE u."Id" {UnitsOf}(SELECT DISTINCT r."UnitId" FROM r){UnitsOfEnd}
        )
        SELECT r."ItemId", r."Role", r."Mention", r."UnitId", u."Key", u."Name", u."Jurisdiction", u."Kind"
        FROM r INNER JOIN u ON u."Id" = r."UnitId"
        ORDER BY r."ItemId", r."Ordinal";
        SELECT q."ItemId", q."Text", q."Kind", q."Value", q."Unit", q."Per", q."Bound", q."High"
        FROM quantities AS q
        WHERE q."ItemId" {Ids}
        ORDER BY q."ItemId", q."Ordinal";
        SELECT t."ItemId", t."Text", t."Start", t."End", t."Recurrence"
        FROM times AS t
        WHERE t."ItemId" {Ids}
        ORDER BY t."ItemId", t."Ordinal";
        SELECT p."SourceId", p."DocumentPosition", p."ItemKey", p."UnitId", p."Period", p."Percent", p."Done", p."Narrative", p."SubmittedOn", p."UpdatedAt"
        FROM progress_reports AS p
        WHERE EXISTS (
            SELECT 1 FROM items AS i INNER JOIN documents AS d ON d."Id" = i."DocumentId"
            WHERE i."Id" {Ids} AND d."SourceId" = p."SourceId" AND d."Position" = p."DocumentPosition");
        """;

    // The roles are read once, then their units by id, each once (an array of ids is an index scan, one descent an
    // element: the 24 units of a page's 111 roles cost 203 pages before they were made distinct; joined to the roles directly,
    // PostgreSQL's planner hashed every unit of the ledger, 17 000 in the load run, 5–10 ms, for the 150 it needs), and
    // the two joined in memory by the database (before, the units' statement found the roles a second time).
    private static readonly string PostgresSql = Sql.Replace(Ids, "= ANY (@ids)", StringComparison.Ordinal)
        .Replace(UnitsOf, "= ANY (ARRAY", StringComparison.Ordinal).Replace(UnitsOfEnd, ")", StringComparison.Ordinal);

    private static readonly string SqliteSql = Sql.Replace(Ids, "IN (SELECT value FROM json_each(@ids))", StringComparison.Ordinal)
        .Replace(UnitsOf, "IN ", StringComparison.Ordinal).Replace(UnitsOfEnd, string.Empty, StringComparison.Ordinal);

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

        // A PostgreSQL array of the ids, or a JSON array SQLite reads with json_each.
        var postgres = db is PostgresLedgerContext;
        object list = postgres ? ids.ToArray() : "[" + string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
        return await RawCommand.ReadAsync<(IReadOnlyList<TrackedItem>, IReadOnlyList<ProgressReport>)>(db, postgres ? PostgresSql : SqliteSql, [("ids", list)], async reader =>
        {
            var rows = new Dictionary<long, Row>(ids.Count);
            while (await reader.ReadAsync(ct))
            {
                var row = ReadItem(reader);
                rows[row.Id] = row;
            }

            await reader.NextResultAsync(ct);
            var units = new Dictionary<long, UnitView>();
            while (await reader.ReadAsync(ct))
            {
                var unitId = reader.GetInt64(3);
                if (!units.TryGetValue(unitId, out var unit))
                {
                    unit = new UnitView(unitId, reader.GetString(4), reader.GetString(5), reader.GetString(6), Enum.Parse<UnitKind>(reader.GetString(7)));
                    units[unitId] = unit;
                }

                rows[reader.GetInt64(0)].Roles.Add(new ItemRole(Enum.Parse<LedgerRole>(reader.GetString(1)), reader.GetString(2), unit));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows[reader.GetInt64(0)].Quantities.Add(new ItemQuantity(
                    reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetString(4), RawCommand.NullableString(reader, 5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDecimal(7)));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows[reader.GetInt64(0)].Times.Add(new ItemTime(reader.GetString(1), RawCommand.NullableDate(reader, 2), RawCommand.NullableDate(reader, 3), RawCommand.NullableString(reader, 4)));
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

    private static Row ReadItem(DbDataReader r)
    {
        var document = new DocumentView(
            r.GetInt64(7), r.GetInt64(8), r.GetInt32(9), r.GetInt32(10), r.GetString(11), string.Empty,
            RawCommand.NullableString(r, 12), RawCommand.NullableString(r, 13), r.GetString(14), r.GetString(15),
            RawCommand.NullableDate(r, 16), r.GetFieldValue<DateTimeOffset>(17), r.GetInt32(18), r.GetInt32(19));
        document = document with { Name = document.DocNumber ?? document.Title ?? $"{document.FileName}#{document.Position + 1}" };
        return new Row(r.GetInt64(0), r.GetInt32(1), r.GetString(2), RawCommand.NullableInt(r, 3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), document, RawCommand.Cadence(r, 20));
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

    /// <summary>One item as read, its collections filled from the later results.</summary>
    private sealed record Row(long Id, int Ordinal, string Key, int? Number, string Text, int SpanStart, int SpanLength, DocumentView Document, PolicyLedger.Tracking.Periods.ReportingCadence Cadence)
    {
        public List<ItemRole> Roles { get; } = [];

        public List<ItemQuantity> Quantities { get; } = [];

        public List<ItemTime> Times { get; } = [];

        public TrackedItem Track() =>
            TrackingItems.Track(EffectiveItems.Uncorrected(Document, new ReadItem(Id, Key, Number, [], Text, SpanStart, SpanLength, null, null, Roles, Quantities, Times), Ordinal), Cadence);
    }
}
