namespace PolicyLedger.Web.UiTests.Support;

/// <summary>The real clock moved to another day: time passes (cookies, lockouts and keys behave as in life) but "today" is a chosen date.</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>Noon on <paramref name="day"/> in Asia/Shanghai.</summary>
    public static ShiftedClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)));
}
