using PolicyLedger.Formats;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Sources;

namespace PolicyLedger.Web.Hosting;

/// <summary>The reader the web host imports with: every file format the CLI reads (.txt, .docx, .pdf, .html).</summary>
public static class Readers
{
    public static PolicyReader Create() => new(new ReadingOptions(), new SourceLoader([new PlainTextFormat(), .. SourceFormats.All()]));
}
