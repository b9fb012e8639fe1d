using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>
/// The administrator's side of the shared taxonomy: every type (retired ones too) with how much names it, a new type,
/// and retiring one. A retired type is no longer offered for new services, contracts or plans (they check
/// <see cref="ServiceType.Active"/>); the services, contracts and plans that name it keep it. Codes are never reused.
/// </summary>
public sealed class ServiceTaxonomy(AppDbContext db, AuditLog audit)
{
    public async Task<Outcome<IReadOnlyList<ServiceTypeEntry>>> AllAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServiceTypes)) return new Outcome<IReadOnlyList<ServiceTypeEntry>>.Forbidden();
        var rows = await db.ServiceTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(t => new ServiceTypeEntry(
            t.Code, t.NameAz, t.NameEn, t.NameRu, t.Active,
            db.Set<ServiceTypeLink>().Count(l => l.TypeCode == t.Code),
            db.Set<ContractServiceType>().Count(l => l.TypeCode == t.Code))).ToListAsync(ct);
        return rows;
    }

    /// <summary>Every type's name in the language, retired ones too: what a service or contract already names is still shown by name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(string culture, CancellationToken ct) =>
        (await db.ServiceTypes.AsNoTracking().ToListAsync(ct)).ToDictionary(t => t.Code, t => t.NameIn(culture), StringComparer.Ordinal);

    public async Task<Outcome<ServiceTypeEntry>> AddAsync(CurrentUser user, ServiceTypeInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServiceTypes)) return new Outcome<ServiceTypeEntry>.Forbidden();
        var e = ServiceType.Check(r);
        var code = ServiceValidation.Clean(r.Code);
        if (e.IsEmpty && await db.ServiceTypes.AnyAsync(t => t.Code == code, ct)) e.Add(ProviderErrors.TypeCodeTaken(code!));
        if (!e.IsEmpty) return new Outcome<ServiceTypeEntry>.Invalid(e);
        // New types go last; the seeded ones are ten apart.
        var last = await db.ServiceTypes.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0;
        var type = new ServiceType { Code = code!, NameAz = r.NameAz!.Trim(), NameEn = r.NameEn!.Trim(), NameRu = r.NameRu!.Trim(), SortOrder = last + 10 };
        db.ServiceTypes.Add(type);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<ServiceTypeEntry>.Invalid(new FieldErrors().Add(ProviderErrors.TypeCodeTaken(type.Code)));
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "service-type", type.Code, type.NameEn), ct);
        await tx.CommitAsync(ct);
        return new ServiceTypeEntry(type.Code, type.NameAz, type.NameEn, type.NameRu, true, 0, 0);
    }

    public async Task<Outcome<ServiceTypeEntry>> RetireAsync(CurrentUser user, string code, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServiceTypes)) return new Outcome<ServiceTypeEntry>.Forbidden();
        var type = await db.ServiceTypes.FirstOrDefaultAsync(t => t.Code == code, ct);
        if (type is null) return new Outcome<ServiceTypeEntry>.NotFound();
        if (type.Retire() is { } refused) return Outcome<ServiceTypeEntry>.Refused(refused);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "service-type", type.Code, "retired"), ct);
        await tx.CommitAsync(ct);
        var services = await db.Set<ServiceTypeLink>().CountAsync(l => l.TypeCode == code, ct);
        var contracts = await db.Set<ContractServiceType>().CountAsync(l => l.TypeCode == code, ct);
        return new ServiceTypeEntry(type.Code, type.NameAz, type.NameEn, type.NameRu, false, services, contracts);
    }
}
