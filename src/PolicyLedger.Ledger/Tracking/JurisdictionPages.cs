using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>
/// A page of one jurisdiction's 台账 (no unit, no document named) without reading the jurisdiction's every row: the
/// rows a document has are kept with it — a stored document's <c>ItemCount</c>, written in the same insert as its items
/// (items are only ever added with their document, numbered 0 … n−1), and a corrected document's rows in
/// <c>corrected_rows</c>, rebuilt in the same transaction as a correction — so the database sums them over the
/// jurisdiction's documents in the 台账's order (by file, then place in the file), keeps the two or three documents the
/// page falls in, and reads only their rows. The total is the sum. One statement, the same on both providers; the
/// general filter (<see cref="ItemPages"/>) counts and sorts every row instead, which cost PostgreSQL about 4 ms for a
/// jurisdiction of 2 000 items (docs/web.md, Load). One unit's rows in a jurisdiction are few (a unit's items): they are
/// selected, counted in the same pass and sorted — the unit's items, with their documents and places, from the
/// responsibilities' index on the unit alone, matched against the jurisdiction's documents read once (no item's row
/// looked up).
/// </summary>
internal static class JurisdictionPages
{
    // The documents materialized once: inlined, their "corrected" test was evaluated again in each step that reads it.
    private const string Sql = """
        WITH o AS MATERIALIZED (
            SELECT d."Id", d."SourceId", d."Position", d."ItemCount",
                   EXISTS (SELECT 1 FROM corrected_documents AS c WHERE c."DocumentId" = d."Id") AS "Corrected"
            FROM documents AS d
            WHERE d."IsCurrent" AND d."Jurisdiction" = @jurisdiction
        ),
        d AS (
            SELECT o."Id", o."SourceId", o."Position", o."Corrected",
                   CASE WHEN o."Corrected" THEN (SELECT COUNT(*) FROM corrected_rows AS r WHERE r."DocumentId" = o."Id") ELSE o."ItemCount" END AS "Rows"
            FROM o
        ),
        w AS (
            SELECT d."Id", d."SourceId", d."Position", d."Corrected", d."Rows",
                   CAST(SUM(d."Rows") OVER (ORDER BY d."SourceId", d."Position" ROWS UNBOUNDED PRECEDING) AS BIGINT) - d."Rows" AS "Before"
            FROM d
        ),
        p AS (
            SELECT w."Id", w."SourceId", w."Position", w."Corrected", w."Before" FROM w
            WHERE w."Before" < @skip + @take AND w."Before" + w."Rows" > @skip
        ),
        r AS (
            SELECT p."SourceId", p."Position", i."DocumentId", i."Ordinal", i."Id" AS "ItemId", p."Corrected", p."Before"
            FROM p INNER JOIN items AS i ON i."DocumentId" = p."Id"
            WHERE NOT p."Corrected"
            UNION ALL
            SELECT p."SourceId", p."Position", c."DocumentId", c."Ordinal", c."StoredItemId", p."Corrected", p."Before"
            FROM p INNER JOIN corrected_rows AS c ON c."DocumentId" = p."Id"
            WHERE p."Corrected"
        ),
        s AS (
            SELECT r."SourceId", r."Position", r."DocumentId", r."Ordinal", r."ItemId", r."Corrected",
                   r."Before" + ROW_NUMBER() OVER (PARTITION BY r."DocumentId" ORDER BY r."Ordinal") - 1 AS "Seq"
            FROM r
        )
        SELECT t."Total", s."DocumentId", s."Ordinal", s."ItemId", s."Corrected"
        FROM (SELECT CAST(COALESCE(SUM(w."Rows"), 0) AS BIGINT) AS "Total" FROM w) AS t
        LEFT JOIN s ON s."Seq" >= @skip AND s."Seq" < @skip + @take
        ORDER BY s."SourceId", s."Position", s."Ordinal"
        """;

    /// <summary>
    /// The rows of one unit (lead or responsible, as stored or as corrected) in one jurisdiction, counted in the same pass
    /// (COUNT(*) OVER ()) rather than by the filter run a second time; the total is null when the page is past the end.
    /// </summary>
    private const string UnitSql = """
        WITH d AS MATERIALIZED (
            SELECT d."Id", d."SourceId", d."Position"
            FROM documents AS d
            WHERE d."IsCurrent" AND d."Jurisdiction" = @jurisdiction
              AND NOT EXISTS (SELECT 1 FROM corrected_documents AS c WHERE c."DocumentId" = d."Id")
        )
        SELECT u."Total", u."DocumentId", u."Ordinal", u."ItemId", u."Corrected"
        FROM (
            SELECT CAST(COUNT(*) OVER () AS BIGINT) AS "Total", v."SourceId", v."Position", v."DocumentId", v."Ordinal", v."ItemId", v."Corrected"
            FROM (
                SELECT d."SourceId", d."Position", i."DocumentId", i."ItemOrdinal" AS "Ordinal", i."ItemId", FALSE AS "Corrected"
                FROM (SELECT DISTINCT r."ItemId", r."DocumentId", r."ItemOrdinal" FROM responsibilities AS r WHERE r."UnitId" = @unit AND r."Role" <> 'Cooperating') AS i
                INNER JOIN d ON d."Id" = i."DocumentId"
                UNION ALL
                SELECT d."SourceId", d."Position", c."DocumentId", c."Ordinal", c."StoredItemId", TRUE
                FROM corrected_rows AS c INNER JOIN documents AS d ON d."Id" = c."DocumentId"
                WHERE d."IsCurrent" AND d."Jurisdiction" = @jurisdiction
                  AND EXISTS (SELECT 1 FROM corrected_row_units AS x WHERE x."RowId" = c."Id" AND x."UnitId" = @unit AND x."Role" <> 'Cooperating')
            ) AS v
        ) AS u
        ORDER BY u."SourceId", u."Position", u."Ordinal"
        LIMIT @take OFFSET @skip
        """;

    /// <summary>The rows of page <paramref name="page"/> (from 1) of <paramref name="size"/> rows, and how many the jurisdiction has.</summary>
    public static async Task<(IReadOnlyList<PageRow> Rows, int? Total)> PageAsync(LedgerContext db, string jurisdiction, int page, int size, CancellationToken ct) =>
        await RunAsync(db, Sql, jurisdiction, null, page, size, ct);

    /// <summary>The rows of page <paramref name="page"/> of one unit's rows in a jurisdiction, and how many it has (null past the last page).</summary>
    public static async Task<(IReadOnlyList<PageRow> Rows, int? Total)> UnitPageAsync(LedgerContext db, string jurisdiction, long unitId, int page, int size, CancellationToken ct) =>
        await RunAsync(db, UnitSql, jurisdiction, unitId, page, size, ct);

    private static async Task<(IReadOnlyList<PageRow> Rows, int? Total)> RunAsync(LedgerContext db, string sql, string jurisdiction, long? unitId, int page, int size, CancellationToken ct)
    {
        List<(string, object)> parameters = [("jurisdiction", jurisdiction), ("skip", (long)(page - 1) * size), ("take", (long)size)];
        if (unitId is { } unit)
        {
            parameters.Add(("unit", unit));
        }

        return await RawCommand.ReadAsync<(IReadOnlyList<PageRow>, int?)>(db, sql, parameters, async reader =>
        {
            var rows = new List<PageRow>(size);
            long? total = null;
            while (await reader.ReadAsync(ct))
            {
                total = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    rows.Add(new PageRow(reader.GetInt64(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetBoolean(4)));
                }
            }

            return (rows, total is { } t ? checked((int)t) : null);
        }, ct);
    }

    /// <summary>A row of the page: a stored item (uncorrected document) or a corrected document's row (its stored item, if any).</summary>
    public sealed record PageRow(long DocumentId, int Ordinal, long? ItemId, bool Corrected);
}
