using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Ledger.Storage;

/// <summary>
/// An item's details (<see cref="LedgerItem.Details"/>): its lead and responsible roles in order, each with its unit's
/// key, name, jurisdiction and kind; its figures; its times — one JSON text built by the database from those rows, so
/// that what a page shows is what the rows hold. Built again for an item whenever one of its rows is written: by
/// <see cref="ReadingCopiesInterceptor"/> after a save through the change tracker (in the save's transaction), by
/// <see cref="SqliteRowWriter"/> for the documents it writes, and by the migration that added the column. A unit's row
/// never changes once stored; a role's unit does when an import resolves a file's units again, which saves through the
/// tracker. Shape: <c>{"r":[[role, mention, unitId, key, name, jurisdiction, kind]…],"q":[[text, kind, value, unit,
/// per, bound, high]…],"t":[[text, start, end, recurrence]…]}</c>, numbers of figures as text (their scale kept), dates
/// as yyyy-MM-dd.
/// </summary>
public static class ItemDetails
{
    private const string Where = "{where}";

    private const string PostgresSql = $"""
        UPDATE items AS i SET "Details" = json_build_object(
            'r', COALESCE((SELECT json_agg(json_build_array(r."Role", r."Mention", r."UnitId", u."Key", u."Name", u."Jurisdiction", u."Kind") ORDER BY r."Ordinal")
                           FROM responsibilities AS r INNER JOIN units AS u ON u."Id" = r."UnitId"
                           WHERE r."ItemId" = i."Id" AND r."Role" <> 'Cooperating'), '[]'::json),
            'q', COALESCE((SELECT json_agg(json_build_array(q."Text", q."Kind", CAST(q."Value" AS TEXT), q."Unit", q."Per", q."Bound", CAST(q."High" AS TEXT)) ORDER BY q."Ordinal")
                           FROM quantities AS q WHERE q."ItemId" = i."Id"), '[]'::json),
            't', COALESCE((SELECT json_agg(json_build_array(t."Text", t."Start", t."End", t."Recurrence") ORDER BY t."Ordinal")
                           FROM times AS t WHERE t."ItemId" = i."Id"), '[]'::json))::text
        WHERE {Where}
        """;

    // SQLite keeps no JSON subtype through a subquery: each array is passed through json() to stay an array.
    private const string SqliteSql = $"""
        UPDATE items SET "Details" = json_object(
            'r', json((SELECT json_group_array(json_array(r."Role", r."Mention", r."UnitId", u."Key", u."Name", u."Jurisdiction", u."Kind") ORDER BY r."Ordinal")
                  FROM responsibilities AS r INNER JOIN units AS u ON u."Id" = r."UnitId"
                  WHERE r."ItemId" = items."Id" AND r."Role" <> 'Cooperating')),
            'q', json((SELECT json_group_array(json_array(q."Text", q."Kind", CAST(q."Value" AS TEXT), q."Unit", q."Per", q."Bound", CAST(q."High" AS TEXT)) ORDER BY q."Ordinal")
                  FROM quantities AS q WHERE q."ItemId" = items."Id")),
            't', json((SELECT json_group_array(json_array(t."Text", t."Start", t."End", t."Recurrence") ORDER BY t."Ordinal")
                  FROM times AS t WHERE t."ItemId" = items."Id")))
        WHERE {Where}
        """;

    /// <summary>The SQL that builds the details of every item (the migration that added them, and the load bench's copies).</summary>
    public static string AllSql(bool postgres) => Sql(postgres, "TRUE");

    private static string Sql(bool postgres, string where) => (postgres ? PostgresSql : SqliteSql).Replace(Where, where, StringComparison.Ordinal);

    /// <summary>Builds the details of the items of one document (SQLite's row writer, in its transaction).</summary>
    internal static void BuildForDocument(DbConnection connection, DbTransaction transaction, long documentId)
    {
        using var command = RawCommand.Create(connection, transaction, Sql(postgres: false, "\"DocumentId\" = @document"), [("document", documentId)]);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Builds the details of these items on the context's connection and in its transaction, if any (synchronously when
    /// the save that wrote their rows was synchronous).
    /// </summary>
    internal static async Task BuildAsync(LedgerContext db, IReadOnlyCollection<long> itemIds, bool async, CancellationToken ct)
    {
        var postgres = db is PostgresLedgerContext;
        var sql = Sql(postgres, RawCommand.AmongIds(postgres, postgres ? "i.\"Id\"" : "\"Id\""));
        if (async)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        else
        {
            db.Database.OpenConnection();
        }

        try
        {
            await using var command = RawCommand.Create(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql, [("ids", RawCommand.Ids(postgres, itemIds))]);
            if (async)
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            else
            {
                command.ExecuteNonQuery();
            }
        }
        finally
        {
            if (async)
            {
                await db.Database.CloseConnectionAsync();
            }
            else
            {
                db.Database.CloseConnection();
            }
        }
    }

    /// <summary>
    /// An item's roles, figures and times read back from its details (read token by token: a page reads 50 of them,
    /// and a document model of each cost a tenth of the host's time).
    /// </summary>
    internal static (List<ItemRole> Roles, List<ItemQuantity> Quantities, List<ItemTime> Times) Read(string details, Dictionary<long, UnitView> units)
    {
        var roles = new List<ItemRole>();
        var quantities = new List<ItemQuantity>();
        var times = new List<ItemTime>();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(details.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(details, buffer)));
            ReadParts(ref reader, units, roles, quantities, times);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (roles, quantities, times);
    }

    private static void ReadParts(ref Utf8JsonReader reader, Dictionary<long, UnitView> units, List<ItemRole> roles, List<ItemQuantity> quantities, List<ItemTime> times)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var part = reader.GetString();
            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                switch (part)
                {
                    case "r":
                        var role = Enum.Parse<LedgerRole>(Text(ref reader)!);
                        var mention = Text(ref reader)!;
                        reader.Read();
                        var id = reader.GetInt64();
                        var (key, name, jurisdiction, kind) = (Text(ref reader)!, Text(ref reader)!, Text(ref reader)!, Text(ref reader)!);
                        if (!units.TryGetValue(id, out var unit))
                        {
                            unit = new UnitView(id, key, name, jurisdiction, Enum.Parse<UnitKind>(kind));
                            units[id] = unit;
                        }

                        roles.Add(new ItemRole(role, mention, unit));
                        break;
                    case "q":
                        quantities.Add(new ItemQuantity(Text(ref reader)!, Text(ref reader)!, Number(Text(ref reader))!.Value, Text(ref reader)!, Text(ref reader), Text(ref reader)!, Number(Text(ref reader))));
                        break;
                    case "t":
                        times.Add(new ItemTime(Text(ref reader)!, Date(Text(ref reader)), Date(Text(ref reader)), Text(ref reader)));
                        break;
                    default:
                        throw new JsonException($"items.Details: 未知的部分 \"{part}\"。");
                }

                Expect(ref reader, JsonTokenType.EndArray);
            }
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException($"items.Details: 应为 {token}，读到 {reader.TokenType}。");
        }
    }

    /// <summary>The next value: a string, or null.</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
    }

    private static decimal? Number(string? text) =>
        text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
