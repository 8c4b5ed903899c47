namespace PolicyLedger.Reading.Readers;

/// <summary>The reader's name for <see cref="Text.RegexDefaults.TimeoutMilliseconds"/>, the solution's one regex timeout.</summary>
internal static class RegexLimits
{
    public const int TimeoutMilliseconds = Text.RegexDefaults.TimeoutMilliseconds;
}
