using Microsoft.EntityFrameworkCore;

namespace PolicyLedger.Tests.Faults;

/// <summary>Issue 15, finding 10: the command line means what it says. Real CLI processes.</summary>
public sealed class CliParsingTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(3);

    private readonly TestLedger _ledger = TestLedger.Create("sqlite");

    [Fact]
    public async Task A_value_starting_with_at_is_a_value_not_a_response_file()
    {
        var folder = _ledger.Samples("docs", 1);
        Assert.Equal(0, (await RealCli.RunAsync(_ledger.Args("import", folder), Soon)).ExitCode);

        // A file of that name beside it, which a response-file parser would expand into arguments.
        _ledger.Write("县住建局", "--format\nbogus\n");
        var run = await RealCli.RunAsync(_ledger.Args("ledger", "--unit", "@县住建局"), Soon, workingDirectory: _ledger.Folder);
        var units = await RealCli.RunAsync(_ledger.Args("units", "--unit", "@县住建局", "--format", "json"), Soon, workingDirectory: _ledger.Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0项任务", run.Output, StringComparison.Ordinal);
        Assert.True(units.ExitCode == 0, units.ToString());
        Assert.Equal("[]", units.Output.Trim());
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_naming_it_and_nothing_is_imported()
    {
        var folder = _ledger.Samples("docs", 2);

        var run = await RealCli.RunAsync(_ledger.Args("import", folder, "--by", "X"), Soon);
        var read = await RealCli.RunAsync(["read", folder, "--verbose"], Soon);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("未知选项 --by", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", run.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(_ledger.Database.Display) && await _ledger.CountAsync(c => c.Sources.CountAsync()) > 0);
        Assert.NotEqual(0, read.ExitCode);
        Assert.Contains("未知选项 --verbose", read.Errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, read.Output.Trim());
    }

    [Fact]
    public async Task A_file_whose_name_starts_with_a_dash_is_read_when_written_as_a_path()
    {
        var path = _ledger.Write("-draft.txt", "1.加强宣传。（责任单位：县财政局）");

        var run = await RealCli.RunAsync(["read", "./-draft.txt"], Soon, workingDirectory: _ledger.Folder);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("县财政局", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\u3000\r\n\t")]
    public async Task An_empty_txt_is_the_same_warning_in_read_and_import(string content)
    {
        var empty = _ledger.Write("empty.txt", content);

        var read = await RealCli.RunAsync(["read", empty], Soon);
        var import = await RealCli.RunAsync(_ledger.Args("import", empty), Soon);

        const string Warning = "empty.txt: 警告：文件没有文字，未读出公文 (PL104)";
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains(Warning, read.Errors, StringComparison.Ordinal);
        Assert.Contains(Warning, import.Errors, StringComparison.Ordinal);
        Assert.Contains("空文件 1 个", import.Output, StringComparison.Ordinal);
        Assert.Equal(0, await _ledger.CountAsync(c => c.Documents.CountAsync()));
    }

    [Fact]
    public async Task An_unexpected_error_is_one_line_without_a_stack_trace()
    {
        // A ledger file that is not a database: said in Chinese, in one line, exit 2.
        var notALedger = _ledger.Write("notes.db", "这不是数据库，只是一段文字。" + new string('x', 5000));

        var run = await RealCli.RunAsync(["--db", notALedger, "ledger"], Soon);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("不是 PolicyLedger 账本", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_ledger_is_said_in_chinese_and_left_as_it_was()
    {
        var folder = _ledger.Samples("docs", 1);
        Assert.Equal(0, (await RealCli.RunAsync(_ledger.Args("import", folder), Soon)).ExitCode);
        var more = _ledger.Samples("more", 1);

        // Mode=ReadOnly: what a read-only file gives (root ignores file permissions, so the test cannot use chmod).
        var run = await RealCli.RunAsync(["--db", $"Data Source={_ledger.Database.Display};Mode=ReadOnly", "import", more], Soon);
        var ledger = await RealCli.RunAsync(["--db", $"Data Source={_ledger.Database.Display};Mode=ReadOnly", "ledger"], Soon);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("是只读的", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", run.Errors, StringComparison.Ordinal);
        Assert.True(ledger.ExitCode == 0, ledger.ToString());
        Assert.Equal(1, await _ledger.CountAsync(c => c.Sources.CountAsync()));
    }

    public void Dispose() => _ledger.Dispose();
}
