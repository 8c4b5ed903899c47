using System.Globalization;
using System.Text.Json;

namespace PolicyLedger.Web.Rendering;

/// <summary>
/// An audit row's before/after JSON as people read it on the 审计 page: each field by its Chinese name (the fields the
/// ledger audits: users, reports, cadences, tokens, imports, corrections, denials), true/false as 是/否, moments in
/// 北京时间; a field without a Chinese name keeps its own. The JSON itself stays in the database and the API.
/// </summary>
public static class AuditValues
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = "名称", ["Role"] = "角色", ["Disabled"] = "已停用", ["SecurityStamp"] = "安全戳", ["PasswordHash"] = "密码",
        ["FailedSignIns"] = "连续登录失败次数", ["LockedUntil"] = "锁定至", ["CreatedAt"] = "创建时间", ["UpdatedAt"] = "更新时间",
        ["Period"] = "期间", ["Percent"] = "进度（%）", ["Done"] = "已完成", ["Narrative"] = "进展情况", ["ReportedBy"] = "报送人",
        ["SubmittedOn"] = "报送日期", ["Origin"] = "来源", ["Warnings"] = "提醒", ["UnitId"] = "单位编号", ["Unit"] = "单位",
        ["ItemKey"] = "事项", ["Item"] = "事项", ["SourceId"] = "文件编号", ["DocumentPosition"] = "文件内序号", ["Figure"] = "完成数值",
        ["Figures"] = "完成数值", ["Value"] = "数值", ["Kind"] = "类型", ["CadenceKind"] = "报送频次", ["CadenceDueDay"] = "次月报送日",
        ["CadenceSource"] = "频次来源", ["DueDay"] = "报送日", ["Label"] = "用途", ["ExpiresAt"] = "到期时间", ["RevokedAt"] = "撤销时间",
        ["TokenHash"] = "令牌", ["LastUsedAt"] = "最近使用", ["Jurisdiction"] = "辖区", ["Jurisdictions"] = "辖区", ["Units"] = "绑定单位",
        ["Outcome"] = "结果", ["Version"] = "版本", ["ContentHash"] = "内容摘要", ["Documents"] = "文件数", ["Items"] = "事项数",
        ["Message"] = "说明", ["NewUnits"] = "新单位数", ["FileName"] = "文件名", ["Size"] = "大小（字节）", ["Sha256"] = "SHA-256",
        ["Status"] = "状态码", ["Reason"] = "原因", ["Ip"] = "地址", ["Checked"] = "核对无误", ["Text"] = "内容", ["State"] = "状态",
        ["Field"] = "字段", ["Before"] = "原值", ["After"] = "新值", ["Why"] = "原因", ["By"] = "操作人", ["Method"] = "请求方法",
        ["Path"] = "路径", ["Deadline"] = "时限", ["Lead"] = "牵头单位", ["Responsible"] = "责任单位", ["Cooperating"] = "配合单位",
    };

    /// <summary>The fields of a JSON object as (name, value) lines; a text that is no JSON object is one line without a name.</summary>
    public static IReadOnlyList<(string? Name, string Value)> Lines(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(p => ((string?)NameOf(p.Name), Value(p.Name, p.Value))).ToList()
                : [(null, Value(string.Empty, document.RootElement))];
        }
        catch (JsonException)
        {
            return [(null, json)];
        }
    }

    public static string NameOf(string field) => Names.GetValueOrDefault(field, field);

    private static string Value(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.Null or JsonValueKind.Undefined => "无",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String when field.Equals("Role", StringComparison.OrdinalIgnoreCase) => Navigation.RoleName(value.GetString()!),
        JsonValueKind.String when value.GetString() is { Length: > 10 } s && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => Show.Time(at),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join("、", value.EnumerateArray().Select(e => Value(string.Empty, e))),
        _ => string.Join("；", value.EnumerateObject().Select(p => $"{NameOf(p.Name)}：{Value(p.Name, p.Value)}")),
    };
}
