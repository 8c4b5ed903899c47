namespace PolicyLedger.Tracking.Forms;

/// <summary>
/// The form sheet as the writer lays it out. The reader does not rely on these places: it finds the header row and
/// each column by its name, and the unit, its key and the period by their labels.
/// </summary>
internal static class ReportFormLayout
{
    public const string SheetName = "填报";
    public const int TitleRow = 1;
    public const int MetaRow = 2;
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;

    public const string UnitLabel = "填报单位";
    public const string PeriodLabel = "期间";
    public const string UnitKeyLabel = "单位编号";

    // Meta row: A2 label, B2 unit; C2 label, D2 period; E2 label, F2 unit key.
    public const int UnitCell = 2;
    public const int PeriodCell = 4;
    public const int UnitKeyCell = 6;

    public const int Key = 1;
    public const int Document = 2;
    public const int Number = 3;
    public const int Text = 4;
    public const int Target = 5;
    public const int TargetValue = 6;
    public const int LastPercent = 7;
    public const int LastNarrative = 8;
    public const int Period = 9;
    public const int Percent = 10;
    public const int Done = 11;
    public const int Figure = 12;
    public const int Narrative = 13;
    public const int Evidence = 14;
    public const int Reporter = 15;

    public const string KeyHeader = "事项编号";
    public const string PeriodHeader = "期间";
    public const string PercentHeader = "完成进度(%)";
    public const string DoneHeader = "是否完成";
    public const string FigureHeader = "完成数值";
    public const string NarrativeHeader = "进展情况";
    public const string EvidenceHeader = "佐证材料";
    public const string ReporterHeader = "填报人";

    public static readonly string[] Headers =
    [
        KeyHeader, "文件", "序号", "任务内容", "目标", "目标值", "上期进度(%)", "上期进展情况",
        PeriodHeader, PercentHeader, DoneHeader, FigureHeader, NarrativeHeader, EvidenceHeader, ReporterHeader,
    ];

    /// <summary>The columns a form must have to be read back.</summary>
    public static readonly string[] Required = [KeyHeader, PercentHeader, DoneHeader, FigureHeader, NarrativeHeader, EvidenceHeader];

    public static readonly double[] Widths = [22, 18, 6, 50, 18, 10, 10, 30, 9, 11, 9, 11, 40, 24, 10];

    /// <summary>The columns the unit fills; the others are locked.</summary>
    public static readonly int[] Fill = [Percent, Done, Figure, Narrative, Evidence, Reporter];

    /// <summary>How many rows from the top the reader looks for the header row in.</summary>
    public const int HeaderSearchRows = 20;
}
