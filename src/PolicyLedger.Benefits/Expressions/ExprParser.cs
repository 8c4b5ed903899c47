using System.Globalization;

namespace PolicyLedger.Benefits.Expressions;

/// <summary>What parsing an expression gave: the tree, or an error with the offset where it was met.</summary>
public sealed record ExprParseResult(ParsedExpression? Expression, string? Error, int ErrorPosition)
{
    public bool Success => Expression is not null;
}

/// <summary>
/// Parses the small expression language of rule files. Numbers are decimals; <c>5%</c> is 0.05, <c>300万</c> is
/// 3 000 000, <c>1亿</c> is 100 000 000; <c>2023-01-01</c> is a date; strings are quoted with ' or &quot;; names
/// may be Chinese (<c>profile.规上</c>). Operators, loosest first: <c>or</c>, <c>and</c>, <c>not</c>, comparisons
/// (<c>== != &lt; &lt;= &gt; &gt;= in</c>, <c>not in</c>), <c>+ -</c>, <c>* /</c>, unary minus, then <c>.field</c>,
/// <c>[index]</c> and calls. A hand-written recursive-descent parser: no regular expressions, never throws on bad text.
/// </summary>
public static class ExprParser
{
    public static ExprParseResult Parse(string text)
    {
        var lexer = new Lexer(text);
        if (lexer.Error is not null)
        {
            return new ExprParseResult(null, lexer.Error, lexer.ErrorPosition);
        }

        var parser = new Parser(lexer.Tokens);
        try
        {
            var root = parser.ParseExpression();
            if (parser.Current.Kind != TokenKind.End)
            {
                return new ExprParseResult(null, $"“{parser.Current.Text}”之前缺少运算符", parser.Current.Position);
            }

            return new ExprParseResult(new ParsedExpression(text, root), null, 0);
        }
        catch (SyntaxError e)
        {
            return new ExprParseResult(null, e.Message, e.Position);
        }
    }

    private enum TokenKind
    {
        Number,
        String,
        Date,
        Name,
        Symbol,
        End,
    }

    private sealed record Token(TokenKind Kind, string Text, object? Value, int Position);

    /// <summary>A syntax error inside the parser; turned into an <see cref="ExprParseResult"/> at the top.</summary>
    private sealed class SyntaxError(string message, int position) : Exception(message)
    {
        public int Position { get; } = position;
    }

    private sealed class Lexer
    {
        private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "."];

        public Lexer(string text)
        {
            var i = 0;
            while (i < text.Length && Error is null)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (char.IsAsciiDigit(c))
                {
                    i = Number(text, i);
                }
                else if (c is '\'' or '"')
                {
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        Fail("字符串缺少结束引号", i);
                        break;
                    }

                    Tokens.Add(new Token(TokenKind.String, text[i..(end + 1)], text[(i + 1)..end], i));
                    i = end + 1;
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    Tokens.Add(new Token(TokenKind.Name, text[start..i], null, start));
                }
                else
                {
                    var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
                    if (symbol is null)
                    {
                        Fail($"不认识的字符“{c}”", i);
                        break;
                    }

                    Tokens.Add(new Token(TokenKind.Symbol, symbol, null, i));
                    i += symbol.Length;
                }
            }

            Tokens.Add(new Token(TokenKind.End, "(结尾)", null, text.Length));
        }

        public List<Token> Tokens { get; } = [];

        public string? Error { get; private set; }

        public int ErrorPosition { get; private set; }

        private void Fail(string message, int position)
        {
            Error = message;
            ErrorPosition = position;
        }

        private int Number(string text, int start)
        {
            var i = start;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            // A date: 2023-01-01.
            if (i - start == 4 && i + 6 <= text.Length
                && text[i] == '-' && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
                && text[i + 3] == '-' && char.IsAsciiDigit(text[i + 4]) && char.IsAsciiDigit(text[i + 5]))
            {
                var literal = text.Substring(start, 10);
                if (!DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    Fail($"“{literal}”不是有效日期", start);
                    return text.Length;
                }

                Tokens.Add(new Token(TokenKind.Date, literal, date, start));
                return start + 10;
            }

            if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }

            var value = decimal.Parse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (i < text.Length)
            {
                switch (text[i])
                {
                    case '%':
                        value /= 100m;
                        i++;
                        break;
                    case '万':
                        value *= 10_000m;
                        i++;
                        break;
                    case '亿':
                        value *= 100_000_000m;
                        i++;
                        break;
                }
            }

            Tokens.Add(new Token(TokenKind.Number, text[start..i], value, start));
            return i;
        }
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int _index;

        public Token Current => tokens[_index];

        public Expr ParseExpression() => Or();

        private bool IsWord(string word) => Current.Kind == TokenKind.Name && Current.Text == word;

        private bool IsSymbol(string symbol) => Current.Kind == TokenKind.Symbol && Current.Text == symbol;

        private Token Take() => tokens[_index++];

        private void Expect(string symbol)
        {
            if (!IsSymbol(symbol))
            {
                throw new SyntaxError($"这里应有“{symbol}”，而不是“{Current.Text}”", Current.Position);
            }

            _index++;
        }

        private Expr Or()
        {
            var left = And();
            while (IsWord("or"))
            {
                var at = Take().Position;
                left = new BinaryExpr("or", left, And(), at);
            }

            return left;
        }

        private Expr And()
        {
            var left = Not();
            while (IsWord("and"))
            {
                var at = Take().Position;
                left = new BinaryExpr("and", left, Not(), at);
            }

            return left;
        }

        private Expr Not()
        {
            if (IsWord("not"))
            {
                var at = Take().Position;
                return new UnaryExpr("not", Not(), at);
            }

            return Comparison();
        }

        private Expr Comparison()
        {
            var left = Additive();
            if (Current.Kind == TokenKind.Symbol && Current.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
            {
                var op = Take();
                return new BinaryExpr(op.Text, left, Additive(), op.Position);
            }

            if (IsWord("in"))
            {
                var at = Take().Position;
                return new BinaryExpr("in", left, Additive(), at);
            }

            if (IsWord("not") && _index + 1 < tokens.Count && tokens[_index + 1] is { Kind: TokenKind.Name, Text: "in" })
            {
                var at = Take().Position;
                Take();
                return new UnaryExpr("not", new BinaryExpr("in", left, Additive(), at), at);
            }

            return left;
        }

        private Expr Additive()
        {
            var left = Multiplicative();
            while (IsSymbol("+") || IsSymbol("-"))
            {
                var op = Take();
                left = new BinaryExpr(op.Text, left, Multiplicative(), op.Position);
            }

            return left;
        }

        private Expr Multiplicative()
        {
            var left = Unary();
            while (IsSymbol("*") || IsSymbol("/"))
            {
                var op = Take();
                left = new BinaryExpr(op.Text, left, Unary(), op.Position);
            }

            return left;
        }

        private Expr Unary()
        {
            if (IsSymbol("-"))
            {
                var at = Take().Position;
                return new UnaryExpr("-", Unary(), at);
            }

            return Postfix();
        }

        private Expr Postfix()
        {
            var expr = Primary();
            while (true)
            {
                if (IsSymbol("."))
                {
                    var at = Take().Position;
                    // Field names may start with a digit or be Chinese: taxes_due_before_reduction.房产税
                    if (Current.Kind is not (TokenKind.Name or TokenKind.Number))
                    {
                        throw new SyntaxError($"“.”之后应是字段名，而不是“{Current.Text}”", Current.Position);
                    }

                    expr = new MemberExpr(expr, Take().Text, at);
                }
                else if (IsSymbol("["))
                {
                    var at = Take().Position;
                    var index = ParseExpression();
                    Expect("]");
                    expr = new IndexExpr(expr, index, at);
                }
                else
                {
                    return expr;
                }
            }
        }

        private Expr Primary()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Number:
                case TokenKind.String:
                case TokenKind.Date:
                    _index++;
                    return new LiteralExpr(token.Value, token.Text, token.Position);
                case TokenKind.Name:
                    _index++;
                    switch (token.Text)
                    {
                        case "true":
                            return new LiteralExpr(true, token.Text, token.Position);
                        case "false":
                            return new LiteralExpr(false, token.Text, token.Position);
                        case "null":
                            return new LiteralExpr(null, token.Text, token.Position);
                        case "and" or "or" or "not" or "in":
                            throw new SyntaxError($"“{token.Text}”不能出现在这里", token.Position);
                    }

                    if (IsSymbol("("))
                    {
                        _index++;
                        var arguments = new List<Expr>();
                        if (!IsSymbol(")"))
                        {
                            arguments.Add(ParseExpression());
                            while (IsSymbol(","))
                            {
                                _index++;
                                arguments.Add(ParseExpression());
                            }
                        }

                        Expect(")");
                        return new CallExpr(token.Text, arguments, token.Position);
                    }

                    return new NameExpr(token.Text, token.Position);
                case TokenKind.Symbol when token.Text == "(":
                    {
                        _index++;
                        var inner = ParseExpression();
                        Expect(")");
                        return inner;
                    }

                case TokenKind.Symbol when token.Text == "[":
                    {
                        _index++;
                        var items = new List<Expr>();
                        if (!IsSymbol("]"))
                        {
                            items.Add(ParseExpression());
                            while (IsSymbol(","))
                            {
                                _index++;
                                items.Add(ParseExpression());
                            }
                        }

                        Expect("]");
                        return new ListExpr(items, token.Position);
                    }

                case TokenKind.End:
                    throw new SyntaxError("表达式不完整", token.Position);
                default:
                    throw new SyntaxError($"“{token.Text}”不能出现在这里", token.Position);
            }
        }
    }
}
