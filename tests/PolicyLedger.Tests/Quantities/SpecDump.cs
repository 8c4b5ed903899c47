namespace PolicyLedger.Tests.Quantities;

/// <summary>
/// Writes the current reading of every spec example to the file named by POLICYLEDGER_SPEC_DUMP, to help write new
/// examples (the output is reviewed by hand before it becomes an expectation). Does nothing otherwise.
/// </summary>
public sealed class SpecDump
{
    [Fact]
    public void Dump_readings_when_asked()
    {
        var path = Environment.GetEnvironmentVariable("POLICYLEDGER_SPEC_DUMP");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var lines = QuantitySpecTests.Load().Select(e => $"{e.File}\t{e.Number}\t{QuantitySpecTests.Reading(e.Text, e.Context)}");
        File.WriteAllLines(path, lines);
    }
}
