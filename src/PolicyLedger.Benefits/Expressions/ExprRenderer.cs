namespace PolicyLedger.Benefits.Expressions;

/// <summary>
/// Writes a formula with the scenario's values in place of its names, for the arithmetic a result shows:
/// <c>event.price * 5%</c> becomes "158000 × 5%". Literals stay as the rule wrote them (5%, 300万).
/// </summary>
public static class ExprRenderer
{
    public static string Render(Expr expr, Evaluator evaluator, Bindings scope) => expr switch
    {
        LiteralExpr { Value: decimal } l => l.Text,
        LiteralExpr l => Values.Format(l.Value),
        BinaryExpr b when b.Operator is "+" or "-" or "*" or "/" =>
            $"{Operand(b.Left, b.Operator, evaluator, scope)} {Symbol(b.Operator)} {Operand(b.Right, b.Operator, evaluator, scope, right: true)}",
        CallExpr { Function: "min" or "max" } c => $"{c.Function}({string.Join(", ", c.Arguments.Select(a => Render(a, evaluator, scope)))})",
        CallExpr { Function: "round" or "floor" } c => $"{c.Function}({Render(c.Arguments[0], evaluator, scope)})",
        _ => Value(expr, evaluator, scope),
    };

    private static string Operand(Expr operand, string parent, Evaluator evaluator, Bindings scope, bool right = false)
    {
        var text = Render(operand, evaluator, scope);
        var needsParens = operand is BinaryExpr { Operator: "+" or "-" } && parent is "*" or "/"
            || right && operand is BinaryExpr { Operator: "+" or "-" } && parent == "-"
            || right && operand is BinaryExpr { Operator: "*" or "/" } && parent == "/";
        return needsParens ? $"({text})" : text;
    }

    private static string Value(Expr expr, Evaluator evaluator, Bindings scope)
    {
        try
        {
            return Values.Format(evaluator.Evaluate(expr, scope));
        }
        catch (EvaluationException)
        {
            return "?";
        }
    }

    private static string Symbol(string op) => op switch
    {
        "*" => "×",
        "/" => "÷",
        "-" => "−",
        _ => op,
    };
}
