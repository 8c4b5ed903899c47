using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Benefits;

/// <summary>
/// A problem with a rule file, a scenario file or a quote, as a value: a stable code (<see cref="BenefitCodes"/>),
/// where it is (file, line, column, and the field path such as <c>events[2].price</c>), and a message in Chinese.
/// </summary>
public sealed record BenefitDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    string? Path,
    string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var level = Severity switch { DiagnosticSeverity.Error => "错误", DiagnosticSeverity.Warning => "警告", _ => "提示" };
        return $"{where}: {level} {Code}{(Path is null ? string.Empty : " " + Path)}: {Message}";
    }
}

/// <summary>The one catalogue of the benefit finder's diagnostic codes. PL6xx scenarios, PL7xx rule files, PL8xx quotes and rule tests.</summary>
public static class BenefitCodes
{
    // PL6xx: scenario files.
    public const string ScenarioUnreadable = "PL601";
    public const string ScenarioNotYaml = "PL602";
    public const string ScenarioShape = "PL603";
    public const string UnknownEventType = "PL604";
    public const string NotADate = "PL605";
    public const string NegativeAmount = "PL606";
    public const string WrongType = "PL607";
    public const string UnknownField = "PL608";
    public const string MissingField = "PL609";
    public const string DuplicateEventId = "PL610";
    public const string UnknownEventReference = "PL611";
    public const string EventAfterAsOf = "PL612";
    public const string NoScenario = "PL613";

    // PL7xx: rule files.
    public const string RuleFileUnreadable = "PL701";
    public const string RuleFileNotYaml = "PL702";
    public const string RuleShape = "PL703";
    public const string RuleMissingField = "PL704";
    public const string RuleBadExpression = "PL705";
    public const string RuleUnknownName = "PL706";
    public const string RuleUnknownFunction = "PL707";
    public const string RuleUnknownEventType = "PL708";
    public const string RuleUnknownEventField = "PL709";
    public const string RuleBadReasonCode = "PL710";
    public const string RuleDuplicateId = "PL711";
    public const string RuleUnknownGroup = "PL712";
    public const string RuleUnknownPlace = "PL713";
    public const string RuleUnknownTerm = "PL714";
    public const string RuleBadDate = "PL715";
    public const string RuleNoTests = "PL716";
    public const string RuleEvaluationFailed = "PL717";
    public const string RuleUnknownKey = "PL718";
    public const string RuleDuplicateDocument = "PL719";

    // PL8xx: quotes against the stored documents, and the rules' own test cases.
    public const string QuoteStale = "PL801";
    public const string DocumentNotFound = "PL802";
    public const string QuoteInOtherItem = "PL803";
    public const string ItemNotFound = "PL804";
    public const string RuleTestFailed = "PL811";
}
