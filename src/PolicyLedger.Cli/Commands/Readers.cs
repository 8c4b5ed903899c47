using PolicyLedger.Formats;
using PolicyLedger.Reading;
using PolicyLedger.Reading.Sources;

namespace PolicyLedger.Cli.Commands;

/// <summary>The reader every command uses, with every file format the CLI knows.</summary>
internal static class Readers
{
    public static IReadOnlyList<ISourceFormat> Formats() => [new PlainTextFormat(), .. SourceFormats.All()];

    public static PolicyReader Create() => new(new ReadingOptions(), new SourceLoader(Formats()));
}
