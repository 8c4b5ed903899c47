using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Ledger.Units;
using PolicyLedger.Reading;

namespace PolicyLedger.Ledger.Import;

/// <summary>
/// Imports documents a person handed over (the web application's upload): checks that the actor may import, keeps
/// each file under its name in the uploads folder (a file of the same name again becomes a new version of it, as
/// with `import`), and imports them all — one bad file is named with its reason and the others go on.
/// </summary>
public sealed class DocumentImportService(LedgerDatabase database, PolicyReader reader, IUnitResolution units, TimeProvider clock)
{
    public async Task<Result<ImportSummary>> ImportAsync(Actor actor, IReadOnlyList<EvidenceFile> files, string folder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(files);
        if (Permissions.Check(actor, TrackingAction.ImportDocuments) is { } denied)
        {
            return denied;
        }

        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Name);
            if (name.Length == 0 || name is "." or "..")
            {
                return Problems.Invalid("PL-D03", $"文件名“{file.Name}”无效", $"the file name \"{file.Name}\" is not usable");
            }

            var path = Path.Combine(folder, name);
            var partial = path + "." + Guid.NewGuid().ToString("N") + ".part";
            await File.WriteAllBytesAsync(partial, file.Content, ct);
            File.Move(partial, path, overwrite: true);
            paths.Add(path);
        }

        var importer = new LedgerImporter(database, reader, units, clock, new ImportOptions { Actor = actor.Name, AuditContext = "web upload" });
        return await importer.ImportAsync(paths, null, ct);
    }
}
