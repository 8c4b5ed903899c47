namespace PolicyLedger.Tracking.Status;

/// <summary>An item's state at a date. The names in JSON are <see cref="TrackingStates.Code"/>.</summary>
public enum TrackingState
{
    /// <summary>已完成: the last report says done (or 100 %).</summary>
    Done,

    /// <summary>超进度: reported completion well above the elapsed share of its time.</summary>
    Ahead,

    /// <summary>达进度: reported completion keeps up with the elapsed share of its time (or nothing is due yet).</summary>
    OnSchedule,

    /// <summary>欠进度: reported completion under the elapsed share of its time.</summary>
    Behind,

    /// <summary>逾期: the deadline has passed and it is not done.</summary>
    Overdue,

    /// <summary>未报送: no report for the latest period that has fallen due.</summary>
    NotReported,

    /// <summary>无时限: no deadline, reported as required.</summary>
    NoDeadline,
}

/// <summary>红黄绿灯 (with grey for items without a deadline).</summary>
public enum TrafficLight
{
    Green,
    Yellow,
    Red,
    Grey,
}

public static class TrackingStates
{
    public static IReadOnlyList<TrackingState> All { get; } = Enum.GetValues<TrackingState>();

    /// <summary>done, ahead, on_schedule, behind, overdue, not_reported, no_deadline.</summary>
    public static string Code(this TrackingState state) => state switch
    {
        TrackingState.Done => "done",
        TrackingState.Ahead => "ahead",
        TrackingState.OnSchedule => "on_schedule",
        TrackingState.Behind => "behind",
        TrackingState.Overdue => "overdue",
        TrackingState.NotReported => "not_reported",
        TrackingState.NoDeadline => "no_deadline",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>已完成, 超进度, 达进度, 欠进度, 逾期, 未报送, 无时限.</summary>
    public static string Chinese(this TrackingState state) => state switch
    {
        TrackingState.Done => "已完成",
        TrackingState.Ahead => "超进度",
        TrackingState.OnSchedule => "达进度",
        TrackingState.Behind => "欠进度",
        TrackingState.Overdue => "逾期",
        TrackingState.NotReported => "未报送",
        TrackingState.NoDeadline => "无时限",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TrafficLight Light(this TrackingState state) => state switch
    {
        TrackingState.Done or TrackingState.Ahead or TrackingState.OnSchedule => TrafficLight.Green,
        TrackingState.Behind or TrackingState.NotReported => TrafficLight.Yellow,
        TrackingState.Overdue => TrafficLight.Red,
        _ => TrafficLight.Grey,
    };

    public static string Code(this TrafficLight light) => light.ToString().ToLowerInvariant();

    public static bool TryParse(string code, out TrackingState state)
    {
        foreach (var s in All)
        {
            if (s.Code() == code || s.Chinese() == code)
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }
}
