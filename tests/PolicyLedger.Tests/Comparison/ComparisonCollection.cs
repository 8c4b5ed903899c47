namespace PolicyLedger.Tests.Comparison;

/// <summary>
/// The comparison tests read seeds and compare whole documents: they run on their own, after the parallel tests, so
/// that they never slow the timing tests of the readers (ReaderFuzzTests) on a busy machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ComparisonCollection
{
    public const string Name = "comparison";
}
