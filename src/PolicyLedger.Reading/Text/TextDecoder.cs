using System.Buffers;
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
/// UTF-16 with BOM, or GB18030 (a superset of GBK and GB2312, common for Chinese government files). It decides by
/// evidence, never silently: a file that is UTF-8 but for a few bad bytes stays UTF-8 and says where they are; a file
/// whose bytes are GB18030 is read as GB18030 even behind a UTF-8 byte order mark, and says so; a file that reads as
/// neither is refused with the reason. Every U+FFFD the decoder puts in the text comes with a diagnostic.
/// The rule is written out in docs/formats.md ("Text files").
/// </summary>
public static class TextDecoder
{
    /// <summary>UTF-8 wins while its valid multi-byte sequences outnumber its invalid ones this many times.</summary>
    public const int Utf8Dominance = 4;

    /// <summary>GB18030 is believed when at least this share of its non-ASCII characters are CJK ideographs or punctuation.</summary>
    public const double GbCjkShare = 0.85;

    private static readonly Encoding Gb18030;

    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    public static SourceText Decode(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return WithReplacements(fileName, Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return WithReplacements(fileName, Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var body = bom ? bytes[3..] : bytes;
        if (!bom && LooksBinary(body))
        {
            return new SourceText(fileName, string.Empty, null, [DiagnosticCodes.Binary()]);
        }

        return DecodeByEvidence(fileName, body, bom ? 3 : 0, bom);
    }

    /// <summary>
    /// Bytes without a BOM (or after one) that are UTF-8 or GB18030: decided by evidence (see the class summary).
    /// <paramref name="offset"/> is where <paramref name="body"/> starts in the file, for the byte offsets in messages.
    /// </summary>
    public static SourceText DecodeByEvidence(string fileName, ReadOnlySpan<byte> body, int offset = 0, bool utf8Bom = false)
    {
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            // The common case, checked vectorized: no evidence to weigh.
            return new SourceText(fileName, Encoding.UTF8.GetString(body), "utf-8", []);
        }

        var utf8 = Utf8Evidence.Of(body);
        if (utf8.ValidMultiByte >= Utf8Dominance * utf8.Invalid)
        {
            // UTF-8 with a few bad bytes: keep it UTF-8 and say where they are.
            return Utf8WithBadBytes(fileName, body, offset, utf8);
        }

        var gb = Gb18030.GetString(body);
        var (nonAscii, cjk, replaced, firstReplaced) = GbEvidence(gb);
        if (nonAscii > 0 && cjk >= GbCjkShare * nonAscii)
        {
            List<Diagnostic> diagnostics = [utf8Bom ? DiagnosticCodes.BomMismatch("GB18030") : DiagnosticCodes.Guessed("GB18030")];
            if (replaced > 0)
            {
                diagnostics.Add(DiagnosticCodes.InvalidBytes("GB18030", replaced, null, new TextSpan(firstReplaced, 1)));
            }

            return new SourceText(fileName, gb, "gb18030", diagnostics);
        }

        if (utf8Bom)
        {
            // The mark says UTF-8 and GB18030 does not read as Chinese either: UTF-8 it is, with its bad bytes named.
            return Utf8WithBadBytes(fileName, body, offset, utf8);
        }

        return new SourceText(fileName, string.Empty, null,
            [DiagnosticCodes.UnknownEncoding(utf8.Invalid, offset + utf8.FirstInvalid, nonAscii == 0 ? 0 : (double)cjk / nonAscii)]);
    }

    private static SourceText Utf8WithBadBytes(string fileName, ReadOnlySpan<byte> body, int offset, Utf8Evidence utf8)
    {
        var at = Encoding.UTF8.GetCharCount(body[..utf8.FirstInvalid]);
        return new SourceText(fileName, Encoding.UTF8.GetString(body), "utf-8",
            [DiagnosticCodes.InvalidBytes("UTF-8", utf8.Invalid, offset + utf8.FirstInvalid, new TextSpan(at, 1))]);
    }

    /// <summary>What a UTF-8 reading of some bytes found: well-formed multi-byte sequences, ill-formed ones, and where the first is.</summary>
    private readonly record struct Utf8Evidence(int ValidMultiByte, int Invalid, int FirstInvalid)
    {
        public static Utf8Evidence Of(ReadOnlySpan<byte> bytes)
        {
            int valid = 0, invalid = 0, first = -1, i = 0;
            while (i < bytes.Length)
            {
                if (bytes[i] < 0x80)
                {
                    i++;
                    continue;
                }

                var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
                if (status == OperationStatus.Done)
                {
                    valid++;
                }
                else
                {
                    invalid++;
                    first = first < 0 ? i : first;
                }

                i += Math.Max(1, consumed);
            }

            return new Utf8Evidence(valid, invalid, Math.Max(0, first));
        }
    }

    /// <summary>Of the non-ASCII characters GB18030 decoding gave: how many are CJK (ideographs, CJK and full-width punctuation, symbols documents use), how many are U+FFFD, and where the first of those is.</summary>
    private static (int NonAscii, int Cjk, int Replaced, int FirstReplaced) GbEvidence(string text)
    {
        int nonAscii = 0, cjk = 0, replaced = 0, first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                continue;
            }

            nonAscii++;
            if (c == '\uFFFD')
            {
                replaced++;
                first = first < 0 ? i : first;
            }
            else if (Cjk.IsCjkLike(c) || c is >= '\u2010' and <= '\u203F' or >= '\u2460' and <= '\u24FF' or >= '\u2160' and <= '\u217F' or >= '\u25A0' and <= '\u25FF' or '\u00D7')
            {
                cjk++;
            }
        }

        return (nonAscii, cjk, replaced, Math.Max(0, first));
    }

    /// <summary>UTF-16 has no other evidence to weigh: unpaired surrogates and the like become U+FFFD, and are said.</summary>
    private static SourceText WithReplacements(string fileName, string text, string encoding)
    {
        var first = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        return first < 0
            ? new SourceText(fileName, text, encoding, [])
            : new SourceText(fileName, text, encoding, [DiagnosticCodes.InvalidBytes(encoding.ToUpperInvariant(), text.Count(c => c == '\uFFFD'), null, new TextSpan(first, 1))]);
    }

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
