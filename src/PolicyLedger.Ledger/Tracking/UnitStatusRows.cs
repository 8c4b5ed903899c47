using System.Data.Common;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// Every row of one unit's 台账 (lead or responsible; stored items of documents no correction concerns, and the
/// corrected rows of the others, as <see cref="JurisdictionPages"/> selects them) with only what judging a stored row
/// needs: its document's title, date, import time and cadence (with the office's override), its times, the progress
/// reports anchored to it, and — for an item that has reports — the units that report on it (judging takes an item's
/// reports from its own units only) — not its text, figures, names or narratives. One command of four statements on
/// EF Core's connection and transaction, the same SQL on both providers but for the join of the times; the unit's items
/// come from the responsibilities' index on the unit, which holds each item's document, place, key and count of times
/// (no item's row is read, no hash of all units or items). The stored rows come as
/// <see cref="TrackedItem"/>s built by the same code as a page's (<see cref="TrackingItems.Track"/>), so that a
/// <see cref="StatusBook"/> judges them by the same rules; only their schedule, cadence, anchor and unit ids are meant to
/// be read (docs/web.md, Load).
/// </summary>
internal static class UnitStatusRows
{
    // The unit's items as its responsibilities' index holds them (the item's document, place, key and count of times
    // are copied on each of its roles): no item's row is looked up (four pages an item: 972 of a status's 2 079).
    private const string Mine = """
        SELECT DISTINCT r."ItemId" AS "Id", r."DocumentId", r."ItemOrdinal" AS "Ordinal", r."ItemKey" AS "Key", r."ItemTimeCount" AS "TimeCount"
        FROM responsibilities AS r WHERE r."UnitId" = @unit AND r."Role" <> 'Cooperating'
        """;

    private const string TimesOf = "{timesOf}";

    // The unit's items, then their documents once each (a unit's 240 items lie in some 80 documents), then the times of
    // the items that have any (about half: the others are not looked up on PostgreSQL, where a lateral subquery with a
    // condition on the item alone is skipped; SQLite has no LATERAL and probes them, cheaply). The reports' statements
    // join the unit's items without materializing them, so that the planner may start from the reports (and with none,
    // read nothing else: a hash join with nothing to match skips its other side).
    private const string Sql = $"""
        WITH i AS MATERIALIZED ({Mine}),
        d AS MATERIALIZED (
            SELECT d."Id", d."SourceId", d."Position", d."Jurisdiction", d."Title", d."Date", d."ImportedAt",
                   d."CadenceKind", d."CadenceDueDay", d."CadenceSource", c."Kind", c."DueDay", c."Origin"
            FROM documents AS d
            LEFT JOIN document_cadences AS c ON c."SourceId" = d."SourceId" AND c."DocumentPosition" = d."Position"
            WHERE d."Id" IN (SELECT i."DocumentId" FROM i) AND d."IsCurrent"
              AND NOT EXISTS (SELECT 1 FROM corrected_documents AS x WHERE x."DocumentId" = d."Id")
        )
        SELECT d."SourceId", d."Position", i."DocumentId", i."Ordinal", i."Id", d."Jurisdiction", i."Key",
               d."Title", d."Date", d."ImportedAt", d."CadenceKind", d."CadenceDueDay", d."CadenceSource",
               d."Kind", d."DueDay", d."Origin", t."Ordinal", t."Start", t."End", t."Recurrence"
        FROM i
        INNER JOIN d ON d."Id" = i."DocumentId"
        {TimesOf}
        ORDER BY i."Id", t."Ordinal";
        SELECT d."SourceId", d."Position", c."DocumentId", c."Ordinal", c."StoredItemId", d."Jurisdiction"
        FROM corrected_rows AS c
        INNER JOIN documents AS d ON d."Id" = c."DocumentId"
        WHERE d."IsCurrent"
          AND c."Id" IN (SELECT x."RowId" FROM corrected_row_units AS x WHERE x."UnitId" = @unit AND x."Role" <> 'Cooperating');
        SELECT p."SourceId", p."DocumentPosition", p."ItemKey", p."UnitId", p."Period", p."Percent", p."Done", CAST(NULL AS TEXT), p."SubmittedOn", p."UpdatedAt"
        FROM ({Mine}) AS i
        INNER JOIN documents AS d ON d."Id" = i."DocumentId"
        INNER JOIN progress_reports AS p ON p."SourceId" = d."SourceId" AND p."DocumentPosition" = d."Position" AND p."ItemKey" = i."Key"
        WHERE d."IsCurrent";
        SELECT o."ItemId", o."Role", o."UnitId"
        FROM responsibilities AS o
        WHERE o."Role" <> 'Cooperating' AND o."ItemId" IN (
            SELECT i."Id" FROM ({Mine}) AS i
            INNER JOIN documents AS d ON d."Id" = i."DocumentId"
            INNER JOIN progress_reports AS p ON p."SourceId" = d."SourceId" AND p."DocumentPosition" = d."Position" AND p."ItemKey" = i."Key"
            WHERE d."IsCurrent")
        ORDER BY o."ItemId", o."Ordinal";
        """;

    private static readonly string PostgresSql = Sql.Replace(TimesOf, """
        LEFT JOIN LATERAL (SELECT t."Ordinal", t."Start", t."End", t."Recurrence" FROM times AS t WHERE t."ItemId" = i."Id" AND i."TimeCount" > 0 OFFSET 0) AS t ON TRUE
        """, StringComparison.Ordinal);

    private static readonly string SqliteSql = Sql.Replace(TimesOf, """
        LEFT JOIN times AS t ON t."ItemId" = i."Id" AND i."TimeCount" > 0
        """, StringComparison.Ordinal);

    /// <summary>
    /// The unit's rows in the 台账's order (file, place in the file, place in the document): a stored row with its item
    /// as judging needs it, a corrected row with its place only (the caller builds those through the correction engine);
    /// and the progress reports of the stored rows.
    /// </summary>
    public static async Task<(IReadOnlyList<UnitRow> Rows, IReadOnlyList<ProgressReport> Reports)> ReadAsync(LedgerContext db, long unitId, CancellationToken ct)
    {
        return await RawCommand.ReadAsync<(IReadOnlyList<UnitRow>, IReadOnlyList<ProgressReport>)>(db, db is PostgresLedgerContext ? PostgresSql : SqliteSql, [("unit", unitId)], async reader =>
        {
            var stored = new Dictionary<long, Stored>();
            var documents = new Dictionary<long, (DocumentView, PolicyLedger.Tracking.Periods.ReportingCadence)>();
            var rows = new List<UnitRow>();
            while (await reader.ReadAsync(ct))
            {
                // An item once, then a row for each of its times; a document once for its items.
                if (!stored.TryGetValue(reader.GetInt64(4), out var row))
                {
                    row = ReadStored(reader, documents);
                    stored[row.ItemId] = row;
                }

                if (!reader.IsDBNull(16))
                {
                    row.Times.Add(new ItemTime(string.Empty, RawCommand.NullableDate(reader, 17), RawCommand.NullableDate(reader, 18), RawCommand.NullableString(reader, 19)));
                }
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new UnitRow(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetString(5), null));
            }

            await reader.NextResultAsync(ct);
            var reports = new List<ProgressReport>();
            while (await reader.ReadAsync(ct))
            {
                reports.Add(StoredItemRows.ReadReport(reader));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (stored.TryGetValue(reader.GetInt64(0), out var row))
                {
                    // Only the unit's id counts in judging (which units' reports an item takes).
                    var id = reader.GetInt64(2);
                    row.Roles.Add(new ItemRole(Enum.Parse<LedgerRole>(reader.GetString(1)), string.Empty, new UnitView(id, string.Empty, string.Empty, string.Empty, UnitKind.Department)));
                }
            }

            rows.AddRange(stored.Values.Select(s => new UnitRow(s.Document.SourceId, s.Document.Position, s.Document.Id, s.Ordinal, s.ItemId, s.Document.Jurisdiction, s.Track())));
            return (rows.OrderBy(r => r.SourceId).ThenBy(r => r.Position).ThenBy(r => r.Ordinal).ToList(), reports);
        }, ct);
    }

    private static Stored ReadStored(DbDataReader r, Dictionary<long, (DocumentView, PolicyLedger.Tracking.Periods.ReportingCadence)> documents)
    {
        var id = r.GetInt64(2);
        if (!documents.TryGetValue(id, out var read))
        {
            read = (new DocumentView(
                id, r.GetInt64(0), r.GetInt32(1), 0, string.Empty, string.Empty, null, RawCommand.NullableString(r, 7), string.Empty, r.GetString(5),
                RawCommand.NullableDate(r, 8), r.GetFieldValue<DateTimeOffset>(9), 0, 0), RawCommand.Cadence(r, 10));
            documents[id] = read;
        }

        return new Stored(r.GetInt64(4), r.GetInt32(3), r.GetString(6), read.Item1, read.Item2);
    }

    /// <summary>A row of the unit's 台账: its place, its stored item (null for a paragraph a correction took as an item), and, for a stored row, its item as judging needs it.</summary>
    public sealed record UnitRow(long SourceId, int Position, long DocumentId, int Ordinal, long? ItemId, string Jurisdiction, TrackedItem? Judged)
    {
        public bool Corrected => Judged is null;
    }

    /// <summary>A stored item as read, its times and roles filled from the later results.</summary>
    private sealed record Stored(long ItemId, int Ordinal, string Key, DocumentView Document, PolicyLedger.Tracking.Periods.ReportingCadence Cadence)
    {
        public List<ItemRole> Roles { get; } = [];

        public List<ItemTime> Times { get; } = [];

        public TrackedItem Track() =>
            TrackingItems.Track(EffectiveItems.Uncorrected(Document, new ReadItem(ItemId, Key, null, [], string.Empty, 0, 0, null, null, Roles, [], Times), Ordinal), Cadence);
    }
}
