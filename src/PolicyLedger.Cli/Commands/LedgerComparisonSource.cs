using PolicyLedger.Comparison;
using PolicyLedger.Ledger.Queries;
using PolicyLedger.Ledger.Storage;

namespace PolicyLedger.Cli.Commands;

/// <summary>
/// The ledger side of <see cref="ComparisonInputs"/>: finds a current document by key, 文号, title or file name, or a part of them only one document has and turns it
/// into a <see cref="ComparedDocument"/>. A SQLite ledger that does not exist is not created: the argument is then
/// simply not found. A database failure is kept in <see cref="Failure"/> and stops the command.
/// </summary>
internal sealed class LedgerComparisonSource(LedgerDatabase database)
{
    public string? Failure { get; private set; }

    public async Task<(ComparedDocument? Document, string? Problem)> FindAsync(string argument, CancellationToken cancellationToken)
    {
        if (Failure is not null || (database.Provider == LedgerProvider.Sqlite && !File.Exists(database.Display)))
        {
            return (null, null);
        }

        using var errors = new StringWriter();
        var found = await LedgerAccess.QueryAsync(database, errors, english: false, async context =>
        {
            var matches = StoredDocuments.WithItemsFirst(await StoredDocuments.FindAsync(context, argument, cancellationToken));
            if (matches.Count != 1)
            {
                return new Found(null, matches);
            }

            var document = await StoredDocuments.LoadAsync(context, matches[0].Id, Readers.Create(), cancellationToken);
            return new Found(ComparedDocument.From(document, matches[0].Key), matches);
        }, cancellationToken);

        if (errors.ToString() is { Length: > 0 } failure)
        {
            Failure = failure.TrimEnd();
            return (null, null);
        }

        if (found is null || found.Matches.Count == 0)
        {
            return (null, null);
        }

        return found.Matches.Count == 1
            ? (found.Document, null)
            : (null, $"台账中有 {found.Matches.Count} 份文件叫这个名字，请用文件键区分："
                + string.Join("；", found.Matches.Select(m => $"{m.Key}（{m.FileName}，{m.Items} 条）")));
    }

    private sealed record Found(ComparedDocument? Document, IReadOnlyList<StoredDocumentRef> Matches);
}
