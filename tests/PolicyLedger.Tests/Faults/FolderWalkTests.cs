using Microsoft.EntityFrameworkCore;

namespace PolicyLedger.Tests.Faults;

/// <summary>
/// Issue 15, finding 6: folder walks (read and import) do not follow links out of the tree or in circles, read a
/// file reached twice once, and say what they skipped. Real links on disk, the real CLI.
/// </summary>
public sealed class FolderWalkTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(3);

    private readonly TestLedger _ledger = TestLedger.Create("sqlite");

    private readonly string _root;

    private readonly string _secret;

    public FolderWalkTests()
    {
        // root/
        //   a.txt, sub/b.txt            two documents
        //   loop → root, sub/up → ..    circles
        //   sub/again.txt → ../a.txt    the same file by a link
        //   outside.txt → ../outside/secret.txt, outdir → ../outside    out of the tree
        //   dangling.txt → nowhere
        var samples = _ledger.Samples("docs", 2);
        _root = Directory.CreateDirectory(Path.Combine(_ledger.Folder, "root")).FullName;
        var sub = Directory.CreateDirectory(Path.Combine(_root, "sub")).FullName;
        var files = Directory.GetFiles(samples).Order(StringComparer.Ordinal).ToList();
        File.Copy(files[0], Path.Combine(_root, "a.txt"));
        File.Copy(files[1], Path.Combine(sub, "b.txt"));
        var outside = Directory.CreateDirectory(Path.Combine(_ledger.Folder, "outside")).FullName;
        _secret = Path.Combine(outside, "secret.txt");
        File.WriteAllText(_secret, "机密文件\n1.不应被读取的事项。（责任单位：保密局）");
        File.CreateSymbolicLink(Path.Combine(_root, "loop"), _root);
        Directory.CreateSymbolicLink(Path.Combine(sub, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(sub, "again.txt"), "../a.txt");
        File.CreateSymbolicLink(Path.Combine(_root, "outside.txt"), _secret);
        Directory.CreateSymbolicLink(Path.Combine(_root, "outdir"), outside);
        File.CreateSymbolicLink(Path.Combine(_root, "dangling.txt"), Path.Combine(_ledger.Folder, "nowhere.txt"));
    }

    [Fact]
    public async Task Read_finishes_reads_each_file_once_and_says_what_it_skipped()
    {
        var run = await RealCli.RunAsync(["read", _root], Soon);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.Output.Split('\n').Count(l => l.StartsWith("== ", StringComparison.Ordinal)));
        Assert.DoesNotContain("保密局", run.Output, StringComparison.Ordinal);
        Assert.Contains("outside.txt: 已跳过：链接指向所给文件夹之外", run.Errors, StringComparison.Ordinal);
        Assert.Contains("outdir: 已跳过：链接指向所给文件夹之外", run.Errors, StringComparison.Ordinal);
        Assert.Contains("loop: 已跳过：链接指向文件夹，不跟随", run.Errors, StringComparison.Ordinal);
        Assert.Contains("up: 已跳过：链接指向文件夹，不跟随", run.Errors, StringComparison.Ordinal);
        Assert.Contains("again.txt: 已跳过：与 ", run.Errors, StringComparison.Ordinal);
        Assert.Contains("dangling.txt: 已跳过：链接指向的目标不存在", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_stores_each_file_once_and_nothing_from_outside()
    {
        var run = await RealCli.RunAsync(_ledger.Args("import", _root), Soon);

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var c = _ledger.Context();
        var paths = await c.Sources.Select(s => s.Path).OrderBy(p => p).ToListAsync();
        Assert.Equal([Path.Combine(_root, "a.txt"), Path.Combine(_root, "sub", "b.txt")], paths);
        Assert.Contains("outside.txt: 已跳过", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_named_twice_or_inside_a_folder_also_named_is_read_once()
    {
        var a = Path.Combine(_root, "a.txt");

        var run = await RealCli.RunAsync(["read", a, a, Path.Combine(_root, "sub"), "--format", "json"], Soon);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetArrayLength()); // a.txt, sub/b.txt (sub/again.txt is a.txt)
        Assert.Contains("与 ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_named_on_the_command_line_is_read_as_given()
    {
        // The user named it: that is what the user gave, even if it points elsewhere.
        var entries = PolicyLedger.Cli.Commands.FileBatch.Expand([Path.Combine(_root, "outside.txt")], _ => true);

        Assert.Equal((Path.Combine(_root, "outside.txt"), null, null), Assert.Single(entries) is var e ? (e.Path, e.Error, e.Skipped) : default);
    }

    public void Dispose() => _ledger.Dispose();
}
