namespace PolicyLedger.Tracking.Status;

/// <summary>
/// Today's date and local times as the offices see them, in the configured time zone (Asia/Shanghai unless set),
/// from an injected <see cref="TimeProvider"/>. Nothing in tracking reads the wall clock: commands take --as-of or
/// this, with <see cref="TimeProvider.System"/> passed in only at the host's edge.
/// </summary>
public static class TrackingClock
{
    /// <summary>China Standard Time (no daylight saving since 1991): what reports recorded before zones were configurable were dated by.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public const string DefaultZoneId = "Asia/Shanghai";

    /// <summary>Asia/Shanghai from the system's time zone data, or a fixed UTC+8 zone where the system has none.</summary>
    public static TimeZoneInfo DefaultZone { get; } = Zone(DefaultZoneId) ?? TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, ChinaOffset, DefaultZoneId, DefaultZoneId);

    /// <summary>The zone with this IANA or Windows id, or null where the system does not know it.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static DateOnly Today(TimeProvider clock) => Today(clock, DefaultZone);

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(Local(clock.GetUtcNow(), zone).DateTime);
    }

    public static DateTimeOffset Now(TimeProvider clock) => Local((clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow(), DefaultZone);

    /// <summary>An instant as the clock on an office wall in <paramref name="zone"/> shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone);
    }
}
