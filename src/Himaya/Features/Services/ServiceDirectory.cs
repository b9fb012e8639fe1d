using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>
/// The public directory: public services only, public facts only (never a child, never a referral), for anyone without
/// signing in. A district finds the services that serve it and the nationwide ones; an age, those that take it.
/// </summary>
public sealed class ServiceDirectory(AppDbContext db, AdminUnits units)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<ServiceTypeView>> TypesAsync(string culture, CancellationToken ct) =>
        (await db.ServiceTypes.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToListAsync(ct))
            .Select(t => new ServiceTypeView(t.Code, t.NameIn(culture))).ToList();

    public async Task<Outcome<PublicServices>> SearchAsync(string? district, string? type, string? age, CancellationToken ct)
    {
        var e = new FieldErrors();
        district = ServiceValidation.Clean(district);
        type = ServiceValidation.Clean(type);
        if (district is not null && !units.IsDistrict(district)) e.Add(PlatformErrors.UnknownDistrict("district"));
        if (type is not null && !await db.ServiceTypes.AnyAsync(t => t.Code == type && t.Active, ct)) e.Add(ServiceErrors.UnknownType(type, "type"));
        var years = QueryParse.Int(e, "age", age);
        if (years is < 0 or > ServiceValidation.MaxAge) e.Add(ServiceErrors.Age("age"));
        if (!e.IsEmpty) return new Outcome<PublicServices>.Invalid(e);

        var q = db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Public);
        if (district is not null) q = q.Where(s => s.Nationwide || s.Districts.Any(d => d.DistrictCode == district));
        if (type is not null) q = q.Where(s => s.Types.Any(t => t.TypeCode == type));
        if (years is { } y) q = q.Where(s => s.MinAge <= y && s.MaxAge >= y);
        var rows = await q.OrderBy(s => s.Name).Take(MaxItems).Select(s => new
        {
            s.Id, s.Name, s.Agency, s.Address, s.Latitude, s.Longitude, s.MinAge, s.MaxAge, s.Phone, s.OpeningHours, s.Cost, s.Nationwide,
        }).ToListAsync(ct);
        // Types and districts by the ids found: a split query would filter and sort the directory again for each.
        var ids = rows.Select(s => s.Id).ToList();
        var types = (await db.Set<ServiceTypeLink>().AsNoTracking().Where(t => ids.Contains(t.ServiceId)).ToListAsync(ct))
            .ToLookup(t => t.ServiceId, t => t.TypeCode);
        var areas = (await db.Set<ServiceDistrict>().AsNoTracking().Where(d => ids.Contains(d.ServiceId)).ToListAsync(ct))
            .ToLookup(d => d.ServiceId, d => d.DistrictCode);
        return new PublicServices([.. rows.Select(s => new PublicService(s.Id, s.Name, s.Agency, [.. types[s.Id].Order(StringComparer.Ordinal)],
            [.. areas[s.Id].Order(StringComparer.Ordinal)], s.Address, s.Latitude, s.Longitude, s.MinAge, s.MaxAge, s.Phone, s.OpeningHours, s.Cost, s.Nationwide))]);
    }
}
