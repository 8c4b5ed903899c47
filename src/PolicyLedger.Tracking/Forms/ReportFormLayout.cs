namespace PolicyLedger.Tracking.Forms;

/// <summary>Where things stand in the form sheet; writer and reader share it.</summary>
internal static class ReportFormLayout
{
    public const string SheetName = "填报";
    public const int TitleRow = 1;
    public const int MetaRow = 2;
    public const int HeaderRow = 3;
    public const int FirstDataRow = 4;

    // Meta row: B2 = unit, D2 = period.
    public const int UnitCell = 2;
    public const int PeriodCell = 4;

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

    public static readonly string[] Headers =
    [
        "事项编号", "文件", "序号", "任务内容", "目标", "目标值", "上期进度(%)", "上期进展情况",
        "期间", "完成进度(%)", "是否完成", "完成数值", "进展情况", "佐证材料", "填报人",
    ];

    public static readonly double[] Widths = [10, 18, 6, 50, 18, 10, 10, 30, 9, 11, 9, 11, 40, 24, 10];

    /// <summary>The columns the unit fills; the others are locked.</summary>
    public static readonly int[] Fill = [Percent, Done, Figure, Narrative, Evidence, Reporter];
}
