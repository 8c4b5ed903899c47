using System.Text.Json;
using PolicyLedger.Reading.Json;
using PolicyLedger.Reading.Syntax;

namespace PolicyLedger.Tests.Reading;

/// <summary>The JSON contract of roles and item diagnostics: <c>implied</c> only when true, <c>governs</c> with text and span, <c>diagnostics</c> on items.</summary>
public class ReadJsonShapeTests
{
    [Fact]
    public void Roles_carry_implied_only_when_true_and_governs_with_text_and_span()
    {
        var span = new TextSpan(10, 4);
        var governs = new Located<string>("简化审批流程。", new TextSpan(3, 7));
        var item = new PolicyItem("1", 1, "1.", [], "简化审批流程。（区市场监管局负责）", new TextSpan(0, 20),
            [new RoleMention(Role.Responsible, "区市场监管局", span) { Governs = governs },
             new RoleMention(Role.Responsible, "各乡镇", new TextSpan(1, 3)) { Implied = true, Governs = governs }],
            span, [], [])
        {
            Diagnostics = [DiagnosticCodes.NotOrganisation("明确公厕选址", "动词短语", span)],
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(ReadResultJson.ToDto(item), ReadResultJson.Options));
        var roles = json.RootElement.GetProperty("roles");
        Assert.False(roles[0].TryGetProperty("implied", out _), roles[0].ToString());
        Assert.True(roles[1].GetProperty("implied").GetBoolean());
        Assert.Equal("简化审批流程。", roles[0].GetProperty("governs").GetProperty("text").GetString());
        Assert.Equal(3, roles[0].GetProperty("governs").GetProperty("span").GetProperty("start").GetInt32());
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(("PL405", "warning", 10), (diagnostic.GetProperty("code").GetString(), diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("span").GetProperty("start").GetInt32()));
        Assert.Contains("明确公厕选址", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
