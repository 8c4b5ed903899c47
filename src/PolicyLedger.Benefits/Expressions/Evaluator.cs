using System.Globalization;
using PolicyLedger.Benefits.Places;

namespace PolicyLedger.Benefits.Expressions;

/// <summary>A rule expression that cannot be computed (a text multiplied, a date compared with a number): a fault of the rule file.</summary>
public sealed class EvaluationException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>The variables an expression sees: a map of names with a parent scope.</summary>
public sealed class Bindings
{
    private readonly Dictionary<string, object?> _values;
    private readonly Bindings? _parent;

    public Bindings(IReadOnlyDictionary<string, object?> values, Bindings? parent = null)
    {
        _values = new Dictionary<string, object?>(values, StringComparer.Ordinal);
        _parent = parent;
    }

    public static Bindings Empty { get; } = new(new Dictionary<string, object?>());

    public Bindings With(string name, object? value) => new(new Dictionary<string, object?> { [name] = value }, this);

    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}

/// <summary>
/// Evaluates rule expressions over a scenario. A fact that is absent is null; arithmetic with null gives null,
/// comparisons with null are false (closed world: what is not stated does not hold). Money stays <see cref="decimal"/>.
/// </summary>
public sealed class Evaluator(PlaceBook places, TermBook terms, IReadOnlyList<IReadOnlyDictionary<string, object?>> events)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, object?>> _byId = events
        .Where(e => e.GetValueOrDefault("id") is string)
        .GroupBy(e => (string)e["id"]!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public PlaceBook Places => places;

    public TermBook Terms => terms;

    public object? Evaluate(Expr expr, Bindings scope) => expr switch
    {
        LiteralExpr l => l.Value,
        NameExpr n => scope.TryGet(n.Name, out var v) ? v : throw new EvaluationException($"没有名为“{n.Name}”的量", n.Position),
        MemberExpr m => Member(Evaluate(m.Target, scope), m.Name),
        IndexExpr i => Index(Evaluate(i.Target, scope), Evaluate(i.Index, scope), i.Position),
        ListExpr list => list.Items.Select(item => Evaluate(item, scope)).ToList(),
        UnaryExpr u => Unary(u, scope),
        BinaryExpr b => Binary(b, scope),
        CallExpr c => Call(c, scope),
        _ => throw new EvaluationException("不认识的表达式", expr.Position),
    };

    public bool Test(Expr expr, Bindings scope) => Values.Truthy(Evaluate(expr, scope));

    private static object? Member(object? target, string name) => target switch
    {
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(name),
        DateRange r => name switch { "start" or "from" => r.Start, "end" or "to" => r.End, _ => null },
        DateOnly d => name switch { "year" => (decimal)d.Year, "month" => (decimal)d.Month, "day" => (decimal)d.Day, _ => null },
        PlaceValue p => name switch { "name" => p.Name, "city" => p.At(1), "district" => p.At(2), _ => null },
        _ => null,
    };

    private static object? Index(object? target, object? index, int position) => (target, index) switch
    {
        (null, _) or (_, null) => null,
        (IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key),
        (IReadOnlyList<object?> list, decimal n) => n >= 0 && n < list.Count && n == decimal.Truncate(n) ? list[(int)n] : null,
        _ => throw new EvaluationException($"不能用 {Values.Format(index)} 取 {Values.Format(target)} 的元素", position),
    };

    private object? Unary(UnaryExpr u, Bindings scope)
    {
        var value = Evaluate(u.Operand, scope);
        return u.Operator switch
        {
            "not" => !Values.Truthy(value),
            "-" => value switch
            {
                null => null,
                decimal d => -d,
                _ => throw new EvaluationException($"“{Values.Format(value)}”不是数", u.Position),
            },
            _ => throw new EvaluationException($"不认识的运算符 {u.Operator}", u.Position),
        };
    }

    private object? Binary(BinaryExpr b, Bindings scope)
    {
        switch (b.Operator)
        {
            case "and":
                return Test(b.Left, scope) && Test(b.Right, scope);
            case "or":
                return Test(b.Left, scope) || Test(b.Right, scope);
        }

        var left = Evaluate(b.Left, scope);
        var right = Evaluate(b.Right, scope);
        switch (b.Operator)
        {
            case "==":
                return Equal(left, right);
            case "!=":
                return !Equal(left, right);
            case "in":
                return right switch
                {
                    null => false,
                    IReadOnlyList<object?> list => list.Any(x => Equal(left, x)),
                    string s when left is string l => s.Contains(l, StringComparison.Ordinal),
                    IReadOnlyDictionary<string, object?> map when left is string key => map.ContainsKey(key),
                    _ => throw new EvaluationException($"“in”的右边应是列表：{Values.Format(right)}", b.Position),
                };
            case "<" or "<=" or ">" or ">=":
                {
                    if (left is null || right is null)
                    {
                        return false;
                    }

                    var order = Compare(left, right, b.Position);
                    return b.Operator switch { "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 };
                }
        }

        if (left is null || right is null)
        {
            return null;
        }

        if (left is not decimal x || right is not decimal y)
        {
            throw new EvaluationException($"“{Values.Format(left)} {b.Operator} {Values.Format(right)}”：只能对数运算", b.Position);
        }

        return b.Operator switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => y == 0 ? throw new EvaluationException("除以零", b.Position) : x / y,
            _ => throw new EvaluationException($"不认识的运算符 {b.Operator}", b.Position),
        };
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (decimal x, decimal y) => x == y,
        (string x, string y) => string.Equals(x.Trim(), y.Trim(), StringComparison.Ordinal),
        (DateOnly x, DateOnly y) => x == y,
        (DateOnly x, string y) => Values.AsDate(y) == x,
        (string x, DateOnly y) => Values.AsDate(x) == y,
        (bool x, bool y) => x == y,
        _ => Equals(a, b),
    };

    private static int Compare(object left, object right, int position) => (left, right) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        _ when Values.AsDate(left) is { } x && Values.AsDate(right) is { } y => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => throw new EvaluationException($"不能比较“{Values.Format(left)}”和“{Values.Format(right)}”", position),
    };

    private object? Call(CallExpr c, Bindings scope)
    {
        if (Functions.TakesLambda(c.Function))
        {
            return Aggregate(c, scope);
        }

        // Evaluated lazily: only the arguments needed.
        switch (c.Function)
        {
            case "if":
                return Evaluate(Test(c.Arguments[0], scope) ? c.Arguments[1] : c.Arguments[2], scope);
            case "coalesce":
                foreach (var argument in c.Arguments)
                {
                    if (Evaluate(argument, scope) is { } value)
                    {
                        return value;
                    }
                }

                return null;
        }

        var args = c.Arguments.Select(a => Evaluate(a, scope)).ToList();
        switch (c.Function)
        {
            case "within":
                return places.Within(places.Resolve(args[0]), args.Skip(1).SelectMany(Values.Texts));
            case "place":
                return places.Resolve(args[0]);
            case "city":
                return places.Resolve(args[0]).At(1);
            case "district":
                return places.Resolve(args[0]).At(2);
            case "is":
                return args.Skip(1).SelectMany(Values.Texts).Any(term => terms.Says(args[0], term));
            case "has":
                {
                    var wanted = args.Skip(1).SelectMany(Values.Texts).ToList();
                    return Values.Texts(args[0]).Any(t => wanted.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase)));
                }

            case "event":
                return args[0] is string id ? _byId.GetValueOrDefault(id.Trim()) : null;
            case "events":
                {
                    var types = args.SelectMany(Values.Texts).ToHashSet(StringComparer.Ordinal);
                    return events.Where(e => e.GetValueOrDefault("type") is string t && types.Contains(t)).Cast<object?>().ToList();
                }

            case "first":
                return args[0] is IReadOnlyList<object?> { Count: > 0 } l ? l[0] : null;
            case "min":
            case "max":
                {
                    var items = args.SelectMany(a => a is IReadOnlyList<object?> list ? list : [a]).Where(a => a is not null).ToList();
                    if (items.Count == 0)
                    {
                        return null;
                    }

                    if (items.All(i => i is decimal))
                    {
                        var numbers = items.Cast<decimal>().ToList();
                        return c.Function == "min" ? numbers.Min() : numbers.Max();
                    }

                    var dates = items.Select(Values.AsDate).ToList();
                    if (dates.Any(d => d is null))
                    {
                        throw new EvaluationException($"{c.Function}() 只接受数或日期：{string.Join("、", items.Select(Values.Format))}", c.Position);
                    }

                    return c.Function == "min" ? dates.Min() : dates.Max();
                }

            case "floor":
                return args[0] is decimal f ? decimal.Floor(f) : null;
            case "round":
                return args[0] is decimal r ? Math.Round(r, args.Count > 1 && args[1] is decimal digits ? (int)digits : 0, MidpointRounding.AwayFromZero) : null;
            case "date":
                return Values.AsDate(args[0]);
            case "year":
                return Values.AsPeriod(args[0]) is { } yp ? (decimal)yp.Start.Year : null;
            case "period":
                return Values.AsPeriod(args[0]);
            case "start":
                return Values.AsPeriod(args[0])?.Start;
            case "end":
                return Values.AsPeriod(args[0])?.End;
            case "add_days":
                return Values.AsDate(args[0]) is { } d1 && args[1] is decimal n1 ? d1.AddDays((int)n1) : null;
            case "add_months":
                return Values.AsDate(args[0]) is { } d2 && args[1] is decimal n2 ? d2.AddMonths((int)n2) : null;
            case "calendar_months":
                return Values.AsDate(args[0]) is { } from && Values.AsDate(args[1]) is { } to && to >= from
                    ? (decimal)((to.Year - from.Year) * 12 + to.Month - from.Month + 1)
                    : 0m;
            case "grade":
                return Grade(args[0]);
            case "grad_year":
                return GraduationYear(args[0]);
            case "duration_months":
                return DurationMonths(args[0]);
            case "number":
                return args[0] switch
                {
                    decimal d => d,
                    string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => null,
                };
            case "text":
                return args[0] is null ? null : Values.Format(args[0]);
            case "len":
                return args[0] switch { IReadOnlyList<object?> l2 => (decimal)l2.Count, IReadOnlyDictionary<string, object?> m => (decimal)m.Count, string s => (decimal)s.Length, _ => 0m };
            case "entries":
                return args[0] switch
                {
                    IReadOnlyDictionary<string, object?> em => em.Select(kv => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = kv.Key, ["value"] = kv.Value }).ToList(),
                    IReadOnlyList<object?> el => el,
                    null => new List<object?>(),
                    var single => new List<object?> { single },
                };
            case "keys":
                return args[0] is IReadOnlyDictionary<string, object?> km ? km.Keys.Cast<object?>().ToList() : new List<object?>();
            case "sum_of":
                {
                    if (args[0] is not IReadOnlyDictionary<string, object?> map)
                    {
                        return args[0] is null ? null : throw new EvaluationException("sum_of() 的第一个参数应是映射", c.Position);
                    }

                    var keys = Values.Texts(args[1]).ToHashSet(StringComparer.Ordinal);
                    return map.Where(kv => keys.Contains(kv.Key)).Select(kv => kv.Value as decimal? ?? 0m).Sum();
                }

            case "exists":
                return args[0] is not null;
            default:
                throw new EvaluationException($"没有名为“{c.Function}”的函数", c.Position);
        }
    }

    private object? Aggregate(CallExpr c, Bindings scope)
    {
        var source = Evaluate(c.Arguments[0], scope);
        var list = source switch
        {
            null => [],
            decimal single when c.Function == "sum" => [single],
            IReadOnlyList<object?> l => l,
            IReadOnlyDictionary<string, object?> map => map.Values.ToList(),
            _ => throw new EvaluationException($"{c.Function}() 的第一个参数应是列表：{Values.Format(source)}", c.Position),
        };
        var lambda = c.Arguments.Count > 1 ? c.Arguments[1] : null;
        object? Each(object? it) => lambda is null ? it : Evaluate(lambda, scope.With("it", it));
        switch (c.Function)
        {
            case "sum":
                {
                    decimal total = 0;
                    foreach (var item in list)
                    {
                        switch (Each(item))
                        {
                            case null:
                                break;
                            case decimal d:
                                total += d;
                                break;
                            case var other:
                                throw new EvaluationException($"sum() 只能加数：{Values.Format(other)}", c.Position);
                        }
                    }

                    return total;
                }

            case "count":
                return (decimal)list.Count(item => lambda is null || Values.Truthy(Each(item)));
            case "any":
                return list.Any(item => Values.Truthy(Each(item)));
            case "all":
                return list.All(item => Values.Truthy(Each(item)));
            default:
                return list.Where(item => Values.Truthy(Each(item))).ToList();
        }
    }

    /// <summary>5A, AAAAA, 4A级, 4 → 5, 5, 4, 4.</summary>
    private static object? Grade(object? value)
    {
        switch (value)
        {
            case decimal d:
                return d;
            case string s:
                {
                    var digit = s.FirstOrDefault(char.IsAsciiDigit);
                    if (digit != default)
                    {
                        return (decimal)(digit - '0');
                    }

                    var a = s.Count(ch => ch is 'A' or 'Ａ');
                    return a > 0 ? (decimal)a : null;
                }

            default:
                return null;
        }
    }

    /// <summary>The first length of time a text states, in months: 8个月, 一年, 半年, 1.5年, 7 months, a year, half a year.</summary>
    private static object? DurationMonths(object? value)
    {
        foreach (var text in Values.Texts(value))
        {
            var s = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (s.Contains("半年", StringComparison.Ordinal) || s.Contains("halfayear", StringComparison.Ordinal))
            {
                return 6m;
            }

            for (var i = 0; i < s.Length; i++)
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                decimal? number = null;
                if (i > start)
                {
                    number = decimal.TryParse(s.AsSpan(start, i - start), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
                }
                else
                {
                    while (i < s.Length && Reading.Text.ChineseNumerals.IsNumeralChar(s[i]))
                    {
                        i++;
                    }

                    if (i > start && Reading.Text.ChineseNumerals.Parse(s.AsSpan(start, i - start)) is { } cn)
                    {
                        number = cn;
                    }
                    else if (s.AsSpan(i).StartsWith("ayear"))
                    {
                        return 12m;
                    }
                }

                if (number is not { } count)
                {
                    i = start;
                    continue;
                }

                var rest = s.AsSpan(i);
                if (rest.StartsWith("个月") || rest.StartsWith("月") || rest.StartsWith("month"))
                {
                    return count;
                }

                if (rest.StartsWith("年") || rest.StartsWith("year"))
                {
                    return count * 12m;
                }

                i = Math.Max(start, i - 1);
            }
        }

        return null;
    }

    /// <summary>The year of graduation a text states: 2022届, 2019年毕业, graduated 2019, class of 2019.</summary>
    private static object? GraduationYear(object? value)
    {
        foreach (var text in Values.Texts(value))
        {
            for (var i = 0; i + 4 <= text.Length; i++)
            {
                if (!text.AsSpan(i, 4).ContainsAnyExceptInRange('0', '9') && (i == 0 || !char.IsAsciiDigit(text[i - 1]))
                    && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4])))
                {
                    var year = int.Parse(text.AsSpan(i, 4), CultureInfo.InvariantCulture);
                    var after = text[(i + 4)..].TrimStart();
                    var before = text[..i].TrimEnd();
                    if (after.StartsWith('届') || after.StartsWith("年毕业", StringComparison.Ordinal) || after.StartsWith("年高校毕业", StringComparison.Ordinal)
                        || before.EndsWith("graduated", StringComparison.OrdinalIgnoreCase) || before.EndsWith("graduated in", StringComparison.OrdinalIgnoreCase)
                        || before.EndsWith("class of", StringComparison.OrdinalIgnoreCase) || before.EndsWith("毕业于", StringComparison.Ordinal))
                    {
                        return (decimal)year;
                    }
                }
            }
        }

        return value is decimal d ? d : null;
    }
}
