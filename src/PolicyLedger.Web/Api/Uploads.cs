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

    /// <summary>The files accepted, the files refused with their reason, or a problem that refuses the whole request.</summary>
    public sealed record Read(IReadOnlyList<EvidenceFile> Files, IReadOnlyList<(string File, string Reason)> Refused, IResult? Problem);

    public static async Task<Read> ReadAsync(HttpRequest request, UploadLimits limits, Kind kind, CancellationToken ct)
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

        if (form.Files.Count == 0)
        {
            return Fail(400, "PL-F03", "没有收到文件（multipart 字段名 files）");
        }

        if (form.Files.Count > limits.MaxFiles)
        {
            return Fail(413, "PL-F04", $"一次最多上传 {limits.MaxFiles} 个文件，收到 {form.Files.Count} 个");
        }

        // Each file on its own: one refused file is named with its reason and the others go on.
        var files = new List<EvidenceFile>();
        var refused = new List<(string, string)>();
        foreach (var file in form.Files)
        {
            var name = SafeName(file.FileName);
            if (name is null)
            {
                refused.Add((file.FileName, "文件名无效"));
                continue;
            }

            if (file.Length > limits.MaxFileBytes)
            {
                refused.Add((name, $"{Megabytes(file.Length)}，超过单个文件 {Megabytes(limits.MaxFileBytes)} 的上限"));
                continue;
            }

            if (file.Length == 0)
            {
                refused.Add((name, "文件是空的"));
                continue;
            }

            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            var bytes = stream.ToArray();
            if ((kind == Kind.Document ? DocumentProblem(name, bytes) : EvidenceProblem(name, bytes)) is { } why)
            {
                refused.Add((name, why));
                continue;
            }

            if (files.Any(f => f.Name == name))
            {
                refused.Add((name, "同名文件在本次上传中出现了两次"));
                continue;
            }

            files.Add(new EvidenceFile(name, bytes));
        }

        return new Read(files, refused, null);
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

    private static Read Fail(int status, string code, string detail) => new([], [], ApiProblems.Problem(status, code, detail));

    /// <summary>The refused files as one problem (evidence is attached as a set: one refused file refuses the upload).</summary>
    public static IResult? RefusedProblem(Read read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Refused.Count == 0)
        {
            return null;
        }

        var tooLarge = read.Refused.All(r => r.Reason.Contains("上限", StringComparison.Ordinal));
        return ApiProblems.Problem(tooLarge ? 413 : 415, tooLarge ? "PL-F06" : "PL-F08", string.Join("；", read.Refused.Select(r => $"{r.File}：{r.Reason}")));
    }
}
