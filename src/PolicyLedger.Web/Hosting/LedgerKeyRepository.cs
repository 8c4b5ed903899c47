using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using PolicyLedger.Ledger.Storage;
using PolicyLedger.Ledger.Users;

namespace PolicyLedger.Web.Hosting;

/// <summary>
/// The data protection key ring (what sign-in cookies and antiforgery tokens are protected with) kept in the ledger
/// database, so that every instance of the web host on one database reads the cookies the others wrote.
/// </summary>
public sealed class LedgerKeyRepository(LedgerDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = database.CreateContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = database.CreateContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
