namespace PolicyLedger.Benefits.Expressions;

/// <summary>The functions rule expressions may call, with how many arguments each takes (checked when rules load).</summary>
public static class Functions
{
    /// <summary>Name → (fewest, most) arguments; -1 for no upper limit.</summary>
    public static IReadOnlyDictionary<string, (int Min, int Max, string Help)> All { get; } = new Dictionary<string, (int, int, string)>(StringComparer.Ordinal)
    {
        ["within"] = (2, -1, "within(地点, '某市城区', …)：地点是否在所列地方或区域之内"),
        ["place"] = (1, 1, "place(x)：把地名文字或省市区解析为地点"),
        ["city"] = (1, 1, "city(地点)：地点所在的市"),
        ["district"] = (1, 1, "district(地点)：地点所在的县（市、区）"),
        ["is"] = (2, -1, "is(文字, '小微', …)：文字是否说的是所列词条之一（rules/terms.yaml）"),
        ["has"] = (2, -1, "has(列表或文字, '专精特新', …)：是否含有所列字样"),
        ["event"] = (1, 1, "event(id)：按编号取另一个事件"),
        ["events"] = (1, -1, "events('hire', …)：情形中这些类型的全部事件"),
        ["sum"] = (1, 2, "sum(列表[, 表达式])：求和（表达式中 it 为各元素）"),
        ["count"] = (1, 2, "count(列表[, 条件])：计数"),
        ["any"] = (2, 2, "any(列表, 条件)：有一个元素满足条件"),
        ["all"] = (2, 2, "all(列表, 条件)：全部元素满足条件"),
        ["filter"] = (2, 2, "filter(列表, 条件)：满足条件的元素"),
        ["first"] = (1, 1, "first(列表)：第一个元素"),
        ["min"] = (1, -1, "min(a, b, …)"),
        ["max"] = (1, -1, "max(a, b, …)"),
        ["floor"] = (1, 1, "floor(x)：向下取整"),
        ["round"] = (1, 2, "round(x[, 位数])：四舍五入"),
        ["if"] = (3, 3, "if(条件, 是, 否)"),
        ["coalesce"] = (1, -1, "coalesce(a, b, …)：第一个不为空的值"),
        ["date"] = (1, 1, "date(x)：日期"),
        ["year"] = (1, 1, "year(日期或期间)"),
        ["period"] = (1, 1, "period(x)：期间（2023Q1、2023、2023-05、日期）"),
        ["start"] = (1, 1, "start(期间)：起始日"),
        ["end"] = (1, 1, "end(期间)：截止日"),
        ["add_days"] = (2, 2, "add_days(日期, n)"),
        ["add_months"] = (2, 2, "add_months(日期, n)"),
        ["calendar_months"] = (2, 2, "calendar_months(起, 止)：跨越的自然月数（含首尾）"),
        ["grade"] = (1, 1, "grade('4A')：景区等级的数字（AAAA、4A级 → 4）"),
        ["duration_months"] = (1, 1, "duration_months(文字)：文字所说的时长折合月数（登记失业8个月 → 8，失业一年 → 12，半年 → 6）"),
        ["grad_year"] = (1, 1, "grad_year(文字)：毕业年份（2022届、2019年毕业、graduated 2019）"),
        ["number"] = (1, 1, "number(x)：数值"),
        ["text"] = (1, 1, "text(x)：文字"),
        ["len"] = (1, 1, "len(列表)"),
        ["keys"] = (1, 1, "keys(映射)"),
        ["entries"] = (1, 1, "entries(映射或列表)：映射的各项（key、value），列表照旧"),
        ["sum_of"] = (2, 2, "sum_of(映射, ['房产税', …])：所列各项之和"),
        ["exists"] = (1, 1, "exists(x)：是否给出"),
    };

    /// <summary>Functions whose second argument is evaluated once per element, with <c>it</c> bound to it.</summary>
    public static bool TakesLambda(string name) => name is "sum" or "count" or "any" or "all" or "filter";
}
