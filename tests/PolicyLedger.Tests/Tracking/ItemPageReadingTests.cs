using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Corrections;
using PolicyLedger.Ledger.Tracking;
using PolicyLedger.Tracking.Status;

namespace PolicyLedger.Tests.Tracking;

/// <summary>
/// A page of the 台账 reads only its own rows (the web API's load: a page must not read every item of its documents),
/// except a document a correction concerns, which is read whole; either way the rows equal those of the whole ledger.
/// </summary>
public class ItemPageReadingTests
{
    private static readonly DateOnly July10 = new(2024, 7, 10);

    [Fact]
    public async Task Item_ids_read_only_those_items_of_uncorrected_documents_and_corrected_documents_whole()
    {
        await using var l = await TrackingLedger.CreateAsync();
        await l.AddDocumentAsync("/nowhere/a.txt", "甲市2024年重点工作", new DateOnly(2024, 2, 1),
            [("1", "甲一", ["财政局"], null), ("2", "甲二", ["教育局"], null), ("3", "甲三", ["财政局"], null)], docNumber: "甲政〔2024〕1号");
        await l.AddDocumentAsync("/nowhere/b.txt", "甲市2024年民生实事", new DateOnly(2024, 2, 1),
            [("1", "乙一", ["财政局"], null), ("2", "乙二", ["教育局"], null)], docNumber: "甲政〔2024〕2号");
        var stored = await l.Db.Items.AsNoTracking().OrderBy(i => i.DocumentId).ThenBy(i => i.Ordinal).Select(i => new { i.Id, i.DocumentId, i.Text }).ToListAsync();
        var documents = stored.Select(i => i.DocumentId).Distinct().ToList();
        var wanted = new[] { stored[1].Id, stored[4].Id };

        var read = await EffectiveItems.LoadAsync(l.Db, new ItemFilter(DocumentIds: documents, ItemIds: wanted));
        Assert.Equal(["甲二", "乙二"], read.Items.Select(e => e.Item.Text));

        // A deadline set on 甲政〔2024〕1号#1: that document is read whole (a correction may split, merge or add items), the other still only its item.
        var corrected = await l.Get<CorrectionService>().CorrectAsync(l.Admin, new CorrectionInput("甲政〔2024〕1号#1", [new ChangeRequest(CorrectionKind.SetDeadline, Value: "2024-06-30")]));
        Assert.True(corrected.Ok, string.Join("; ", corrected.Problems));
        read = await EffectiveItems.LoadAsync(l.Db, new ItemFilter(DocumentIds: documents, ItemIds: wanted));
        Assert.Equal(["甲一", "甲二", "甲三", "乙二"], read.Items.Select(e => e.Item.Text));

        // Pages of one row each, over the whole 台账, give the rows the whole ledger's status gives, corrected one included.
        var whole = (await l.StatusAsync(July10)).Select(r => (r.Item.Key, r.Status.State, r.Item.Corrected)).ToList();
        var pages = new List<(string, TrackingState, bool)>();
        for (var page = 1; page <= stored.Count; page++)
        {
            var one = await l.Get<ItemPages>().PageAsync(l.Admin, new ItemPageQuery(new TrackingScope("甲市"), July10, Page: page, PageSize: 1));
            Assert.True(one.Ok, one.Problem?.ToString());
            Assert.Equal(stored.Count, one.Value!.Total);
            pages.Add(Assert.Single(one.Value.Rows) is var row ? (row.Item.Key, row.Status.State, row.Item.Corrected) : default);
        }

        Assert.Equal(whole, pages);
        Assert.Contains(pages, p => p.Item3);

        // A page past the end is empty and still says how many rows the filter has.
        var past = await l.Get<ItemPages>().PageAsync(l.Admin, new ItemPageQuery(new TrackingScope("甲市"), July10, Page: 9, PageSize: 1));
        Assert.Empty(past.Value!.Rows);
        Assert.Equal(stored.Count, past.Value.Total);
    }
}
