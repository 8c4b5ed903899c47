namespace PolicyLedger.Reading.Readers;

/// <summary>
/// The reader's patterns are anchored or start with a literal and run in linear time; the match timeout is the
/// backstop against a pathological input, not a budget. It is generous because it is wall-clock time, which a
/// loaded machine stretches.
/// </summary>
internal static class RegexLimits
{
    public const int TimeoutMilliseconds = 10_000;
}
