using System.Text;

namespace PolicyLedger.Tests.Support;

/// <summary>
/// A spec file: Markdown with one example per "## title" section, holding a ```text block (the input, byte-exact)
/// and a ```json block (the expected reading). Examples are numbered from 1 in file order.
/// </summary>
public sealed record SpecExample(string File, int Number, string Title, string Input, string Expected)
{
    public override string ToString() => $"{File} #{Number} {Title}";
}

public static class SpecFile
{
    public static string Folder(string area) => Path.Combine(AppContext.BaseDirectory, "Specs", area);

    public static IReadOnlyList<SpecExample> Load(string area, string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder(area), file), Encoding.UTF8);
        var examples = new List<SpecExample>();
        var sections = text.Split("\n## ");
        foreach (var section in sections.Skip(1))
        {
            var title = section[..section.IndexOf('\n')].Trim();
            var input = Block(section, "```text\n");
            var expected = Block(section, "```json\n");
            if (input is null || expected is null)
            {
                throw new InvalidDataException($"{file}: example '{title}' needs a ```text and a ```json block");
            }

            examples.Add(new SpecExample(file, examples.Count + 1, title, input, expected));
        }

        return examples;
    }

    private static string? Block(string section, string fence)
    {
        var start = section.IndexOf(fence, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += fence.Length;
        var end = section.IndexOf("\n```", start - 1, StringComparison.Ordinal);
        return end < start ? string.Empty : section[start..end];
    }
}
