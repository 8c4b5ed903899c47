using System.Text.Json;
using PolicyLedger.Cli.Commands;
using PolicyLedger.Tests.Support;

namespace PolicyLedger.Tests.Cli;

public class ReadCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyledger-read-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void One_unreadable_file_is_named_and_the_others_are_still_read()
    {
        File.Copy(Path.Combine(SharedData.RepositoryRoot, "samples", "县2025年重点工作责任分解.txt"), Path.Combine(_folder, "a.txt"));
        File.WriteAllBytes(Path.Combine(_folder, "b.txt"), [0x00, 0x01, 0x02, 0x00, 0xFF]);
        File.WriteAllText(Path.Combine(_folder, "c.txt"), "1.加强宣传。（责任单位：市财政局）");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = ReadCommand.Run([_folder, Path.Combine(_folder, "missing.txt")], "json", output, errors);

        Assert.Equal(1, exit);
        Assert.Contains("b.txt", errors.ToString());
        Assert.Contains("not text", errors.ToString());
        Assert.Contains("missing.txt: 没有这个文件或文件夹", errors.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var files = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, files.Count);
        var county = files.Single(f => f.GetProperty("file").GetString()!.EndsWith("a.txt"));
        var document = county.GetProperty("documents")[0];
        Assert.Equal("某县人民政府", document.GetProperty("issuer").GetString());
        Assert.Equal("2025-03-03", document.GetProperty("date").GetString());
        Assert.Equal(5, document.GetProperty("items").GetArrayLength());
        var item = document.GetProperty("items")[2];
        Assert.Equal("3", item.GetProperty("id").GetString());
        Assert.Equal("lead", item.GetProperty("roles")[0].GetProperty("role").GetString());
        Assert.Equal("县发展和改革委员会", item.GetProperty("roles")[0].GetProperty("mention").GetString());
        Assert.True(document.GetProperty("docNumber").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void All_files_read_means_exit_code_zero_and_a_table()
    {
        var output = new StringWriter();
        var exit = ReadCommand.Run([Path.Combine(SharedData.RepositoryRoot, "samples")], "table", output, new StringWriter());
        Assert.Equal(0, exit);
        Assert.Contains("示范区管〔2025〕7号", output.ToString());
        Assert.Contains("牵头:示范区人力资源和社会保障局", output.ToString());
    }

    [Fact]
    public void A_folder_is_read_for_documents_only()
    {
        File.WriteAllText(Path.Combine(_folder, "README.md"), "# notes\n1.不是公文。（责任单位：某局）");
        File.WriteAllText(Path.Combine(_folder, "notice.txt"), "1.加强宣传。（责任单位：市财政局）");
        var output = new StringWriter();
        Assert.Equal(0, ReadCommand.Run([_folder], "json", output, new StringWriter()));
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(["notice.txt"], json.RootElement.EnumerateArray().Select(f => Path.GetFileName(f.GetProperty("file").GetString()!)));
    }
}
