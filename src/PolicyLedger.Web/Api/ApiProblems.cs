using Microsoft.AspNetCore.Http.HttpResults;

namespace PolicyLedger.Web.Api;

/// <summary>Errors as RFC 9457 problem details, titled in Chinese, with the service's stable code where there is one.</summary>
public static class ApiProblems
{
    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录或凭据无效",
        403 => "无权访问",
        404 => "未找到",
        405 => "不支持该请求方法",
        409 => "与现有数据冲突",
        413 => "上传内容过大",
        415 => "不支持的文件类型",
        422 => "内容未通过校验",
        423 => "账户已锁定",
        429 => "请求过于频繁",
        503 => "服务暂不可用",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求未完成",
    };

    /// <summary>Fills in what the framework leaves in English: the title (always Chinese) and a detail for bare status codes.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var p = context.ProblemDetails;
        var status = p.Status ?? context.HttpContext.Response.StatusCode;
        p.Status = status;
        p.Title = Title(status);
        p.Detail ??= status switch
        {
            401 => "请先登录，或在 Authorization 头中提供有效的 Bearer 令牌",
            403 => "当前用户的角色或范围不允许此操作",
            404 => "请求的地址或对象不存在",
            405 => "该地址不支持此请求方法",
            _ when status >= 500 => "服务器处理请求时出错，已记录",
            _ => null,
        };
        p.Type ??= $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
        p.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    /// <summary>A problem with a stable code.</summary>
    public static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: new Dictionary<string, object?> { ["code"] = code });
}
