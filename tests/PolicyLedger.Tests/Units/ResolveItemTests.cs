using PolicyLedger.Reading.Syntax;
using PolicyLedger.Reading.Units;

namespace PolicyLedger.Tests.Units;

public class ResolveItemTests
{
    [Fact]
    public void Resolves_an_items_roles_in_order_with_their_spans()
    {
        RoleMention[] roles =
        [
            new(Role.Lead, "区财政局", new TextSpan(10, 4)),
            new(Role.Responsible, "商务局", new TextSpan(15, 3)),
        ];
        var item = new PolicyItem("1", 1, "1.", [], "text", default, roles, null, [], []);
        var resolved = new UnitResolver().ResolveItem("红旗区", item);
        Assert.Equal(["红旗区/财政局", "红旗区/商务局"], resolved.Select(r => r.Unit.Key));
        Assert.Equal(new TextSpan(15, 3), resolved[1].Role.Span);
        Assert.Equal(Role.Responsible, resolved[1].Role.Role);
    }
}

public class RecognitionTests
{
    [Theory]
    [InlineData("焦作", "市人社局", true)]
    [InlineData("焦作", "各县（市、区）政府", true)]
    [InlineData("焦作", "人行焦作中心支行", true)]
    [InlineData("红旗区", "城建局", false)]
    [InlineData("红旗区", "教体文旅局", false)]
    [InlineData("济源", "创建工作领导小组办公室", false)]
    public void Marks_names_it_did_not_know(string jurisdiction, string mention, bool recognized) =>
        Assert.Equal(recognized, new UnitResolver().ExplainClause(jurisdiction, [mention])[0].Recognized);
}
