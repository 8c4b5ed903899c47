namespace PolicyLedger.Tracking.Status;

/// <summary>
/// Today's date as the offices see it (China Standard Time, UTC+8), from an injected <see cref="TimeProvider"/>.
/// Nothing in tracking reads the wall clock: commands take --as-of or this, with <see cref="TimeProvider.System"/>
/// passed in only at the CLI's edge.
/// </summary>
public static class TrackingClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
    }

    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(ChinaOffset);
    }
}
