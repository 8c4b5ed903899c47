namespace PolicyLedger.Reading.Units;

/// <summary>
/// What the data says about particular places: the built-in places (Data/places.yaml) with the user's alias files
/// read after them. Indexes the places' other names and document-number marks; immutable once built.
/// </summary>
public sealed class PlaceBook
{
    private readonly AliasTable _table;
    private readonly (string Name, string Jurisdiction)[] _names;
    private readonly (string Mark, string Jurisdiction)[] _numberMarks;

    public PlaceBook(AliasTable table)
    {
        _table = table;
        var places = table.JurisdictionNames.Select(j => (Jurisdiction: j, Settings: table.SettingsFor(j))).Where(p => p.Settings is not null).ToList();
        _names = places.SelectMany(p => p.Settings!.Names.Select(n => (Name: MentionText.Clean(n), p.Jurisdiction)))
            .Where(n => n.Name.Length > 0)
            .OrderByDescending(n => n.Name.Length).ThenBy(n => n.Name, StringComparer.Ordinal).ToArray();
        _numberMarks = places.SelectMany(p => p.Settings!.NumberMarks.Select(m => (Mark: MentionText.Clean(m), p.Jurisdiction)))
            .Where(m => m.Mark.Length > 0)
            .OrderByDescending(m => m.Mark.Length).ThenBy(m => m.Mark, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The built-in places only.</summary>
    public static PlaceBook BuiltIn { get; } = new(BuiltInData.Places);

    /// <summary>A place's settings (level, parent, prefixes, marks), or null where the data does not know it.</summary>
    public JurisdictionSettings? Settings(string jurisdiction) => _table.SettingsFor(jurisdiction);

    /// <summary>The jurisdiction a whole text names by one of the places' other names (某某经济开发区 → 某某), or null.</summary>
    public string? Named(string text) => _names.FirstOrDefault(n => n.Name == text).Jurisdiction;

    /// <summary>The jurisdiction of the longest other name found inside a text (an issuer or a title), or null.</summary>
    public string? NamedWithin(string text) =>
        _names.FirstOrDefault(n => text.Contains(n.Name, StringComparison.Ordinal)).Jurisdiction;

    /// <summary>The jurisdiction whose document-number mark opens <paramref name="mark"/> (the longest such mark), or null.</summary>
    public string? OfNumberMark(string mark) =>
        _numberMarks.FirstOrDefault(m => mark.StartsWith(m.Mark, StringComparison.Ordinal)).Jurisdiction;
}
