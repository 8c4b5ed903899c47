namespace PolicyLedger.Reading.Text;

/// <summary>
/// The match timeout of every regular expression in the solution (the convention test checks each project under
/// src/). Patterns are anchored or start with a literal and run in linear time; the timeout is the backstop against
/// a pathological input, not a budget, and it is generous because it is wall-clock time, which a loaded machine
/// stretches.
/// </summary>
public static class RegexDefaults
{
    public const int TimeoutMilliseconds = 10_000;
}
