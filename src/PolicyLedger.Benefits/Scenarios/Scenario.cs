namespace PolicyLedger.Benefits.Scenarios;

/// <summary>A dated event of an applicant (a purchase, a hire, a payment), with all its fields including id, type and date.</summary>
public sealed record ScenarioEvent(string Id, string Type, DateOnly Date, IReadOnlyDictionary<string, object?> Fields, int Line);

/// <summary>
/// An applicant's profile and dated events, and the date to evaluate at: the input of the calculator. Facts that are
/// not given are absent (closed world). <see cref="AsOf"/> is null where the file gives none (the caller decides).
/// </summary>
public sealed record Scenario(
    string? Id,
    string? Title,
    IReadOnlyDictionary<string, object?> Profile,
    IReadOnlyList<ScenarioEvent> Events,
    DateOnly? AsOf,
    string File,
    int Line);

/// <summary>What reading a scenario file gave: its scenarios (none when it has errors) and every problem found.</summary>
public sealed record ScenarioLoad(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<BenefitDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
