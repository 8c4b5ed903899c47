namespace PolicyLedger.Web.Hosting;

/// <summary>How much one request and one uploaded file may carry (configuration section "Upload").</summary>
public sealed class UploadLimits
{
    /// <summary>One uploaded document or evidence file (default 20 MiB).</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>One request, all files together (default 60 MiB).</summary>
    public long MaxRequestBytes { get; set; } = 60L * 1024 * 1024;

    /// <summary>Files in one upload (default 20).</summary>
    public int MaxFiles { get; set; } = 20;
}
