using System.Text;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Reading.Text;

/// <summary>A file's text as it was decoded, with the encoding that was used and what decoding noticed.</summary>
public sealed record SourceText(string FileName, string Text, string? Encoding, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static SourceText FromString(string fileName, string text) => new(fileName, text, null, []);
}

/// <summary>
/// Turns the bytes of a text file into a string the way such files really arrive: UTF-8 (with or without BOM),
/// UTF-16 with BOM, or GB18030 (a superset of GBK and GB2312, common for Chinese government files).
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SourceText Decode(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return new SourceText(fileName, DecodeUtf8Lenient(bytes[3..]), "utf-8", []);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return new SourceText(fileName, Encoding.Unicode.GetString(bytes[2..]), "utf-16le", []);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return new SourceText(fileName, Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", []);
        }

        if (LooksBinary(bytes))
        {
            return new SourceText(fileName, string.Empty, null, [DiagnosticCodes.Binary()]);
        }

        try
        {
            return new SourceText(fileName, StrictUtf8.GetString(bytes), "utf-8", []);
        }
        catch (DecoderFallbackException)
        {
            var gb = Encoding.GetEncoding("GB18030");
            return new SourceText(fileName, gb.GetString(bytes), "gb18030", [DiagnosticCodes.Guessed("GB18030")]);
        }
    }

    private static string DecodeUtf8Lenient(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Text files hold no NUL bytes; a file with several is some other format.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var suspicious = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                suspicious++;
            }
        }

        return sample.Length > 0 && suspicious * 10 > sample.Length;
    }
}
