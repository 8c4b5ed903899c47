using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Ledger.Tracking;

/// <summary>The host's clock and the offices' time zone (Asia/Shanghai unless configured): where "today" and local times come from.</summary>
public sealed class TrackingClockSource(TimeProvider clock, TimeZoneInfo zone)
{
    public TimeProvider Clock => clock;

    public TimeZoneInfo Zone => zone;

    public DateOnly Today() => TrackingClock.Today(clock, zone);

    /// <summary>An instant as the offices' clocks show it.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TrackingClock.Local(instant, zone);

    public DateTimeOffset UtcNow() => clock.GetUtcNow().ToUniversalTime();
}
