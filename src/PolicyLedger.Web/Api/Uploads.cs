using System.Text;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Web.Hosting;

namespace PolicyLedger.Web.Api;

/// <summary>
/// Reads the files of a multipart upload with limits (files per request, bytes per file and per request) and checks
/// each file by its content, not only its name: a document must be what its ending says (.docx a Word package, .pdf
/// a PDF, .html markup, .txt text), evidence must be a PDF, an image, an Office package or text — never a program.
/// Names are reduced to their last part, so nothing can be written or read outside the place the host chose.
/// </summary>
public static class Uploads
{
    public enum Kind
    {
        Document,
        Evidence,
    }

    public const Kind Documents = Kind.Document;

    public const Kind Evidence = Kind.Evidence;

    public sealed record Read(IReadOnlyList<EvidenceFile> Files, IResult? Problem);

    /// <summary>Why an upload, or one file of it, was refused: the HTTP status, a stable code, and the reason naming the file.</summary>
    public sealed record Refusal(int Status, string Code, string Detail)
    {
        public IResult Result => ApiProblems.Problem(Status, Code, Detail);
    }

    /// <summary>Whether a form carries at least one file (a file field left empty does not count).</summary>
    public static async Task<bool> HasFilesAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasFormContentType && (await request.ReadFormAsync(ct)).Files.Any(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName));
    }

    /// <summary>The files of an upload taken one by one: the good ones, each bad one with its reason, or why the whole request was refused.</summary>
    public sealed record Batch(IReadOnlyList<EvidenceFile> Files, IReadOnlyList<Refusal> Rejected, Refusal? Problem);

    /// <summary>All or nothing (the API): the first bad file refuses the upload.</summary>
    public static async Task<Read> ReadAsync(HttpRequest request, UploadLimits limits, Kind kind, CancellationToken ct)
    {
        var batch = await ReadEachAsync(request, limits, kind, ct);
        return (batch.Problem ?? batch.Rejected.FirstOrDefault()) is { } refused ? new Read([], refused.Result) : new Read(batch.Files, null);
    }

    /// <summary>
    /// File by file (the pages' upload): the request as a whole must be a form within the limits, then each file is
    /// kept or refused on its own, so one bad file is named with its reason and the others go on.
    /// </summary>
    public static async Task<Batch> ReadEachAsync(HttpRequest request, UploadLimits limits, Kind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (!request.HasFormContentType)
        {
            return Fail(415, "PL-F01", "请用 multipart/form-data 上传文件（字段名 files，可多个）");
        }

        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return Fail(413, "PL-F02", $"上传内容共 {Megabytes(request.ContentLength.Value)}，超过每次 {Megabytes(limits.MaxRequestBytes)} 的上限");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Fail(413, "PL-F02", $"上传内容无法读取或超过每次 {Megabytes(limits.MaxRequestBytes)} 的上限：{e.Message}");
        }

        // A file field left empty in a browser's form still sends a part, without name or content: not a file.
        var sent = form.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (sent.Count == 0)
        {
            return Fail(400, "PL-F03", "没有收到文件（multipart 字段名 files）");
        }

        if (sent.Count > limits.MaxFiles)
        {
            return Fail(413, "PL-F04", $"一次最多上传 {limits.MaxFiles} 个文件，收到 {sent.Count} 个");
        }

        var files = new List<EvidenceFile>();
        var rejected = new List<Refusal>();
        foreach (var file in sent)
        {
            var (read, refusal) = await ReadOneAsync(file, limits, kind, ct);
            if (read is not null)
            {
                files.Add(read);
            }
            else
            {
                rejected.Add(refusal!);
            }
        }

        return new Batch(files, rejected, null);
    }

    private static async Task<(EvidenceFile? File, Refusal? Refusal)> ReadOneAsync(IFormFile file, UploadLimits limits, Kind kind, CancellationToken ct)
    {
        var name = SafeName(file.FileName);
        if (name is null)
        {
            return (null, new Refusal(400, "PL-F05", $"文件名“{file.FileName}”无效"));
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return (null, new Refusal(413, "PL-F06", $"{name}：{Megabytes(file.Length)}，超过单个文件 {Megabytes(limits.MaxFileBytes)} 的上限"));
        }

        if (file.Length == 0)
        {
            return (null, new Refusal(400, "PL-F07", $"{name}：文件是空的"));
        }

        using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        var bytes = stream.ToArray();
        if ((kind == Kind.Document ? DocumentProblem(name, bytes) : EvidenceProblem(name, bytes)) is { } why)
        {
            return (null, new Refusal(415, "PL-F08", $"{name}：{why}"));
        }

        return (new EvidenceFile(name, bytes), null);
    }

    /// <summary>The last part of a name a browser sent, without control characters; null when nothing usable is left.</summary>
    public static string? SafeName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault()?.Trim() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not (':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray()).Trim();
        return clean.Length is 0 or > 200 || clean is "." or ".." ? null : clean;
    }

    /// <summary>Why a document's bytes are not what its ending says, or null when they are.</summary>
    public static string? DocumentProblem(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ending = Path.GetExtension(name).ToLowerInvariant();
        return ending switch
        {
            ".docx" => IsZip(bytes) && Contains(bytes, "word/document.xml") ? null : "不是 Word 文档（.docx 应为含 word/document.xml 的压缩包）",
            ".pdf" => IsPdf(bytes) ? null : "不是 PDF 文件（开头没有 %PDF-）",
            ".html" or ".htm" => IsText(bytes) && LooksLikeHtml(bytes) ? null : "不是网页（不是文本或没有 HTML 标记）",
            ".txt" => IsText(bytes) && !IsZip(bytes) && !IsPdf(bytes) ? null : "不是文本文件（含二进制内容）",
            _ => $"不支持的文件类型“{ending}”：只接受 .txt、.docx、.pdf、.html",
        };
    }

    /// <summary>Why evidence bytes are refused (a program, or nothing recognizable), or null when they are a PDF, an image, an Office package or text.</summary>
    public static string? EvidenceProblem(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (StartsWith(bytes, "MZ") || StartsWith(bytes, "\u007fELF") || StartsWith(bytes, "#!"))
        {
            return "可执行程序不能作为佐证材料";
        }

        var known = IsPdf(bytes) || IsZip(bytes) || StartsWith(bytes, "\u0089PNG") || (bytes.Length > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8)
            || StartsWith(bytes, "GIF8") || (StartsWith(bytes, "RIFF") && Contains(bytes.AsSpan(0, Math.Min(16, bytes.Length)).ToArray(), "WEBP")) || IsText(bytes);
        return known ? null : "无法识别的文件内容：佐证材料应为 PDF、图片（PNG、JPEG、GIF、WebP）、Office 文档或文本";
    }

    private static bool IsZip(byte[] b) => b.Length > 4 && b[0] == (byte)'P' && b[1] == (byte)'K' && b[2] == 3 && b[3] == 4;

    private static bool IsPdf(byte[] b) => Contains(b.AsSpan(0, Math.Min(1024, b.Length)).ToArray(), "%PDF-");

    /// <summary>Text: UTF-16 with its mark, or bytes without NUL in the first 8 KiB.</summary>
    private static bool IsText(byte[] b)
    {
        if (b.Length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        {
            return true;
        }

        return Array.IndexOf(b, (byte)0, 0, Math.Min(8192, b.Length)) < 0;
    }

    private static bool LooksLikeHtml(byte[] b)
    {
        var head = Encoding.UTF8.GetString(b, 0, Math.Min(65536, b.Length)).ToLowerInvariant();
        return head.Contains("<html", StringComparison.Ordinal) || head.Contains("<!doctype html", StringComparison.Ordinal)
            || head.Contains("<body", StringComparison.Ordinal) || head.Contains("<p", StringComparison.Ordinal) || head.Contains("<div", StringComparison.Ordinal);
    }

    private static bool StartsWith(byte[] b, string ascii) => b.Length >= ascii.Length && ascii.Select((c, i) => b[i] == (byte)c).All(x => x);

    private static bool Contains(byte[] b, string ascii) => b.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii)) >= 0;

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    private static Batch Fail(int status, string code, string detail) => new([], [], new Refusal(status, code, detail));
}
