using System.Globalization;
using PolicyLedger.Ledger.Model;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Web.Rendering;

/// <summary>How the pages write values for people: dates, times in the offices' zone, percentages, states and their lights.</summary>
public static class Show
{
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A moment in Asia/Shanghai: 2024-07-03 14:05.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? ChinaTime.Local(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a state's badge: its light (green, yellow, red, grey).</summary>
    public static string LightClass(TrackingState state) => "light-" + state.Light().Code();

    public static string LightName(TrafficLight light) => light switch
    {
        TrafficLight.Green => "绿灯",
        TrafficLight.Yellow => "黄灯",
        TrafficLight.Red => "红灯",
        _ => "无时限",
    };

    /// <summary>What each light means, for the legend.</summary>
    public static string LightMeaning(TrafficLight light) => string.Join("、", TrackingStates.All.Where(s => s.Light() == light).Select(s => s.Chinese()));

    public static string RoleName(LedgerRole role) => role switch
    {
        LedgerRole.Lead => "牵头",
        LedgerRole.Responsible => "责任",
        _ => "配合",
    };

    /// <summary>A file size: 12 KB, 3.4 MB.</summary>
    public static string Size(long bytes) => bytes < 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} 字节")
        : bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");

    /// <summary>How the deadline was decided, in Chinese.</summary>
    public static string DeadlineBasis(string basis) => basis switch
    {
        "text" => "时限见原文",
        "plan-year" => "按文件计划年度末",
        "correction" => "校对时更正",
        _ => "原文未写时限",
    };

    /// <summary>What kind of figure the reader found (Money, Percent, Measure, Ratio), in Chinese.</summary>
    public static string QuantityKind(string kind) => kind switch
    {
        "Money" => "金额",
        "Percent" => "百分比",
        "Measure" => "数量",
        "Ratio" => "比例",
        _ => kind,
    };

    /// <summary>How often a time recurs as the reader writes it (quarter, month …), in Chinese.</summary>
    public static string Recurrence(string recurrence) => recurrence switch
    {
        "quarter" => "每季度",
        "half-year" => "每半年",
        "week" => "每周",
        "month" => "每月",
        "year" => "每年",
        "ten-days" => "每旬",
        "day" => "每天",
        _ => recurrence,
    };

    /// <summary>按季度报送，次月5日前 / 按月报送，期末前.</summary>
    public static string Cadence(PolicyLedger.Tracking.Periods.ReportingCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        var kind = cadence.Kind switch
        {
            PolicyLedger.Tracking.Periods.PeriodKind.Month => "按月",
            PolicyLedger.Tracking.Periods.PeriodKind.Quarter => "按季度",
            PolicyLedger.Tracking.Periods.PeriodKind.Half => "按半年",
            _ => "按年",
        };
        var due = cadence.DueDayOfNextMonth is { } d ? $"次月{d}日前报送" : "期末前报送";
        var source = cadence.Source switch
        {
            "default" => "（原文未规定，按默认）",
            "override" => "（已调整）",
            _ => "",
        };
        return $"{kind}报送，{due}{source}";
    }

    /// <summary>What an audit row's action means.</summary>
    public static string ActionName(string action) => action switch
    {
        "insert" => "新增",
        "update" => "修改",
        "delete" => "删除",
        "import" => "导入",
        "denied" => "拒绝访问",
        "correction" => "校正",
        _ => action,
    };

    /// <summary>A link to the 事项 page of an item key.</summary>
    public static string ItemUrl(string key) => "/item?key=" + Uri.EscapeDataString(key);

    /// <summary>A path with the query parameters that have a value, each URL-encoded.</summary>
    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var given = query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return given.Count == 0 ? path : path + "?" + string.Join("&", given);
    }
}
