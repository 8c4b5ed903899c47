using System.Text;
using PolicyLedger.Reading.Text;

namespace PolicyLedger.Cli.Output;

/// <summary>
/// Standard output and error of the CLI: everything written passes <see cref="SafeText.Terminal"/>, so terminal escape
/// sequences, control characters and bidirectional overrides from documents or file names never reach the terminal
/// raw. Tables and JSON keep their shape (line feeds and tabs pass; the visible form \uXXXX is valid inside JSON strings).
/// </summary>
internal sealed class SafeWriter(TextWriter inner) : TextWriter
{
    /// <summary>The streams before they were wrapped: for the progress bar, whose own escape sequences must pass.</summary>
    public static TextWriter RawError { get; private set; } = Console.Error;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Wraps Console.Out and Console.Error (once, at start-up).</summary>
    public static void Install()
    {
        RawError = Console.Error;
        Console.SetOut(Synchronized(new SafeWriter(Console.Out)));
        Console.SetError(Synchronized(new SafeWriter(Console.Error)));
    }

    public override void Write(char value)
    {
        if (SafeText.IsDangerous(value) || char.IsSurrogate(value))
        {
            // A lone char cannot be checked for its pair: write surrogates through Write(string).
            inner.Write(char.IsSurrogate(value) ? value.ToString() : SafeText.Terminal(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => inner.Write(SafeText.Terminal(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
