using System.Globalization;

namespace PolicyLedger.Ledger.Corrections;

/// <summary>A problem with a correction, as a value: a stable code and a message for people (in Chinese).</summary>
public sealed record CorrectionProblem(string Code, string Message)
{
    public override string ToString() => $"{Code} {Message}";
}

/// <summary>
/// The one catalogue of correction codes and messages. PL-C0x: why a stored correction no longer applies (orphaned);
/// PL-C1x: why a correction asked for is refused.
/// </summary>
public static class CorrectionCodes
{
    public const string DocumentGone = "PL-C01";
    public const string ItemGone = "PL-C02";
    public const string ItemChanged = "PL-C03";
    public const string Ambiguous = "PL-C04";
    public const string Taken = "PL-C05";
    public const string NextChanged = "PL-C06";
    public const string SplitPointGone = "PL-C07";
    public const string ParagraphGone = "PL-C08";
    public const string ItemRemoved = "PL-C09";
    public const string IdTaken = "PL-C10";

    public const string UnknownItem = "PL-C11";
    public const string BadUnitList = "PL-C12";
    public const string BadDate = "PL-C13";
    public const string BadTarget = "PL-C14";
    public const string BadSplit = "PL-C15";
    public const string NoNextItem = "PL-C16";
    public const string BrokenEntry = "PL-C17";
    public const string NothingAsked = "PL-C18";
    public const string ParagraphNotFound = "PL-C19";
    public const string Conflict = "PL-C20";
    public const string BadFile = "PL-C21";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Short(string text, int length = 24) => text.Length <= length ? text : text[..(length - 1)] + "…";

    public static CorrectionProblem NoDocument(string documentKey, string? file) =>
        new(DocumentGone, file is null ? $"台账中已没有文件 {documentKey}（没有现行版本）" : $"台账中已没有来自 {file} 的文件 {documentKey}");

    public static CorrectionProblem Gone(string itemId, string? bestId, double best) =>
        new(ItemGone, bestId is null
            ? $"第 {itemId} 项已不在文件中：文件已没有事项"
            : F($"第 {itemId} 项已不在文件中：没有文字相同或相近的事项（最接近的是 #{bestId}，相似度 {best:0.00}）"));

    public static CorrectionProblem NeighbourMoved(string itemId, string nowId) =>
        new(ItemGone, $"第 {itemId} 项已不在文件中：现在的 #{nowId} 是原来的另一项，没有文字相同或相近的事项");

    public static CorrectionProblem Changed(string itemId, double similarity, double threshold, string? bestOtherId, double bestOther) =>
        new(ItemChanged, bestOtherId is null
            ? F($"第 {itemId} 项的文字已大改（与校对时相似度 {similarity:0.00}，低于 {threshold:0.00}），无法确认仍是同一项")
            : F($"第 {itemId} 项的文字已大改（与校对时相似度 {similarity:0.00}，低于 {threshold:0.00}），其他事项也不相近（最接近的 #{bestOtherId}，{bestOther:0.00}）"));

    public static CorrectionProblem Several(string itemId, IEnumerable<(string Id, double Similarity)> candidates) =>
        new(Ambiguous, $"第 {itemId} 项对应不止一个事项，无法确定：{string.Join("、", candidates.Select(c => F($"#{c.Id}（相似度 {c.Similarity:0.00}）")))}");

    public static CorrectionProblem AlreadyMatched(string itemId, string otherId) =>
        new(Taken, $"第 {itemId} 项最相近的 #{otherId} 已对应另一项的校对，不能再对应此项");

    public static CorrectionProblem NextNotSame(string itemId, string expectedId, string expectedText, string? nowId, string? nowText, double similarity) =>
        new(NextChanged, nowId is null
            ? $"第 {itemId} 项后已没有事项，不能与原来的 #{expectedId}“{Short(expectedText)}”合并"
            : F($"第 {itemId} 项后面一项现为 #{nowId}“{Short(nowText!)}”，已不是合并时的 #{expectedId}“{Short(expectedText)}”（相似度 {similarity:0.00}）"));

    public static CorrectionProblem SplitGone(string itemId, string at) =>
        new(SplitPointGone, $"拆分处“{Short(at)}”已不在第 {itemId} 项的文字中");

    public static CorrectionProblem NoParagraph(string text) =>
        new(ParagraphGone, $"段落“{Short(text)}”已不在文件中");

    public static CorrectionProblem Removed(string itemId, long byCorrection) =>
        new(ItemRemoved, F($"第 {itemId} 项已由校对 {byCorrection} 标为非事项，或已并入其他事项"));

    public static CorrectionProblem Merged(string itemId) =>
        new(ItemRemoved, $"第 {itemId} 项已标为非事项或已并入前一项");

    public static CorrectionProblem IdInUse(string id) =>
        new(IdTaken, $"编号 {id} 已被文件中的另一项使用");

    public static CorrectionProblem NoItem(string typed, string why) => new(UnknownItem, why.Length > 0 ? why : $"没有编号为 {typed} 的事项");

    public static CorrectionProblem UnitList(string field, string text, string why) => new(BadUnitList, $"{field}“{text}”无法读作单位名单：{why}");

    public static CorrectionProblem Date(string text) => new(BadDate, $"截止日期“{text}”不是日期：请写作 2024-06-30（写“无”表示没有时限）");

    public static CorrectionProblem Target(string text) => new(BadTarget, $"主要目标“{text}”中读不出数量：请写作 1.6万人、500万元、30% 之类");

    public static CorrectionProblem Split(string itemId, string at, string why) => new(BadSplit, $"不能在“{Short(at)}”处拆分第 {itemId} 项：{why}");

    public static CorrectionProblem NoNext(string itemId) => new(NoNextItem, $"第 {itemId} 项是文件的最后一项，没有可以合并的下一项");

    public static CorrectionProblem Entry(string why) => new(BrokenEntry, why);

    public static CorrectionProblem Nothing() => new(NothingAsked, "没有给出要改的内容：请用 --lead、--responsible、--cooperating、--deadline、--target、--not-an-item 等选项，或用 --revert 撤销");

    public static CorrectionProblem ParagraphMissing(string documentKey, string text) => new(ParagraphNotFound, $"文件 {documentKey} 中找不到段落“{Short(text)}”");

    public static CorrectionProblem Conflicting(string why) => new(Conflict, why);

    public static CorrectionProblem File(string why) => new(BadFile, why);
}
