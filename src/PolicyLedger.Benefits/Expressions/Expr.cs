namespace PolicyLedger.Benefits.Expressions;

/// <summary>
/// A node of a rule expression (<c>event.price * 5%</c>, <c>within(event.location, '某市城区')</c>). Immutable;
/// <see cref="Position"/> is the character offset in the expression text, for error messages.
/// </summary>
public abstract record Expr(int Position);

/// <summary>A number (with its 5% / 300万 suffix as written), a string, a date, true, false or null.</summary>
public sealed record LiteralExpr(object? Value, string Text, int Position) : Expr(Position);

/// <summary>A variable: profile, event, events, batch, as_of, doc, it, or a name bound by <c>let</c>.</summary>
public sealed record NameExpr(string Name, int Position) : Expr(Position);

/// <summary><c>target.name</c>: a field of a map (null when absent).</summary>
public sealed record MemberExpr(Expr Target, string Name, int Position) : Expr(Position);

/// <summary><c>target[index]</c>: an element of a list or a field of a map.</summary>
public sealed record IndexExpr(Expr Target, Expr Index, int Position) : Expr(Position);

/// <summary><c>name(args)</c>: one of the functions of <see cref="Functions"/>.</summary>
public sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments, int Position) : Expr(Position);

/// <summary><c>-x</c>, <c>not x</c>.</summary>
public sealed record UnaryExpr(string Operator, Expr Operand, int Position) : Expr(Position);

/// <summary><c>a + b</c>, <c>a * b</c>, <c>a &lt;= b</c>, <c>a and b</c>, <c>a in b</c> …</summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, int Position) : Expr(Position);

/// <summary><c>[a, b, c]</c>.</summary>
public sealed record ListExpr(IReadOnlyList<Expr> Items, int Position) : Expr(Position);

/// <summary>An expression with the text it was parsed from.</summary>
public sealed record ParsedExpression(string Text, Expr Root)
{
    public override string ToString() => Text;
}
