using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>
/// Providers and their services, for the people who keep the directory. An administrator or a district coordinator
/// (inside their districts) adds them and they are public at once; a provider's own staff add services of their own
/// provider, which wait for a coordinator's review. Every write is audited in the same transaction.
/// </summary>
public sealed class ServiceCatalogue(AppDbContext db, AuditLog audit, AdminUnits units, DistrictBoundaries boundaries, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Outcome<ProviderView>> CreateProviderAsync(CurrentUser user, ProviderInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices)) return new Outcome<ProviderView>.Forbidden();
        var e = ServiceValidation.Provider(r);
        var name = ServiceValidation.Clean(r.Name);
        if (name is not null && await db.Providers.AnyAsync(p => p.Name == name, ct)) e.Add(ServiceErrors.ProviderNameTaken());
        if (!e.IsEmpty) return new Outcome<ProviderView>.Invalid(e);
        var p = new Provider
        {
            Name = name!, Kind = r.Kind!.Value, TaxId = ServiceValidation.Clean(r.TaxId), RegistrationNumber = ServiceValidation.Clean(r.RegistrationNumber),
            Accreditation = r.Accreditation ?? AccreditationStatus.None, AccreditedOn = r.AccreditedOn, AccreditationExpiresOn = r.AccreditationExpiresOn,
            Phone = ServiceValidation.Clean(r.Phone), Email = ServiceValidation.Clean(r.Email), Address = ServiceValidation.Clean(r.Address),
            Website = ServiceValidation.Clean(r.Website), CreatedAt = Now, UpdatedAt = Now,
        };
        db.Providers.Add(p);
        if (!await SaveAsync(user, () => new AuditEvent(AuditActions.Create, "provider", p.Id.ToString(), p.Name), ct))
            return new Outcome<ProviderView>.Invalid(new FieldErrors().Add(ServiceErrors.ProviderNameTaken()));
        return View(p, 0);
    }

    public async Task<Outcome<IReadOnlyList<ProviderView>>> ProvidersAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices) && !user.Can(Permission.EditServices)) return new Outcome<IReadOnlyList<ProviderView>>.Forbidden();
        var q = db.Providers.AsNoTracking();
        if (!user.Can(Permission.ManageServices)) q = q.Where(p => p.Name == user.Agency);
        var list = await q.OrderBy(p => p.Name).Select(p => new { P = p, N = db.Set<Service>().Count(s => s.ProviderId == p.Id) }).ToListAsync(ct);
        return list.Select(x => View(x.P, x.N)).ToList();
    }

    public async Task<Outcome<ServiceView>> CreateServiceAsync(CurrentUser user, ServiceInput r, CancellationToken ct)
    {
        var manages = user.Can(Permission.ManageServices);
        if (!manages && !user.Can(Permission.EditServices)) return new Outcome<ServiceView>.Forbidden();
        var e = ServiceValidation.Service(r, units, boundaries);
        Provider? provider = null;
        if (r.ProviderId is { } pid)
        {
            provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.Active, ct);
            if (provider is null) e.Add(ServiceErrors.UnknownProvider());
            else if (!manages && provider.Name != user.Agency) e.Add(ServiceErrors.NotYourProvider());
        }
        var name = ServiceValidation.Clean(r.Name);
        if (name is not null && await db.Services.AnyAsync(s => s.Name == name, ct)) e.Add(ServiceErrors.ServiceNameTaken());
        var types = (r.Types ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.ServiceTypes.AsNoTracking().Where(t => t.Active && types.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        if (types.FirstOrDefault(t => !known.Contains(t)) is { } unknown) e.Add(ServiceErrors.UnknownType(unknown));
        var districts = (r.Districts ?? []).Distinct(StringComparer.Ordinal).ToList();
        // A coordinator keeps the directory of their own districts; the whole country is the administrator's.
        ServiceScope.CheckArea(user, districts, r.Nationwide, units, e);
        if (!e.IsEmpty) return new Outcome<ServiceView>.Invalid(e);
        var s = new Service
        {
            Name = name!, ProviderId = provider!.Id, Agency = provider.Name, Description = ServiceValidation.Clean(r.Description),
            // What a provider's staff add waits for a coordinator; what the directory's keepers add is public at once.
            Status = manages ? ServiceStatus.Public : ServiceStatus.Pending,
            Nationwide = r.Nationwide == true, MinAge = r.AgeMin ?? 0, MaxAge = r.AgeMax ?? ServiceValidation.MaxAge, Sex = r.Sex ?? SexEligibility.Any,
            DisabilityOnly = r.DisabilityOnly == true, Address = ServiceValidation.Clean(r.Address), Latitude = r.Latitude, Longitude = r.Longitude,
            Phone = ServiceValidation.Clean(r.Phone), OpeningHours = ServiceValidation.Clean(r.OpeningHours),
            Languages = r.Languages is { Count: > 0 } l ? string.Join(',', l.Distinct(StringComparer.Ordinal)) : null, Cost = ServiceValidation.Clean(r.Cost),
            Capacity = r.Capacity, FreePlaces = r.FreePlaces, CreatedAt = Now, UpdatedAt = Now,
            Types = [.. types.Select(t => new ServiceTypeLink { TypeCode = t })],
            Districts = [.. districts.Select(d => new ServiceDistrict { DistrictCode = d })],
        };
        db.Services.Add(s);
        if (!await SaveAsync(user, () => new AuditEvent(AuditActions.Create, "service", s.Id.ToString(), $"{s.Name}; {s.Status}"), ct))
            return new Outcome<ServiceView>.Invalid(new FieldErrors().Add(ServiceErrors.ServiceNameTaken()));
        return View(s, provider.Name);
    }

    public async Task<Outcome<ServiceView>> GetServiceAsync(CurrentUser user, int id, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices) && !user.Can(Permission.EditServices)) return new Outcome<ServiceView>.Forbidden();
        // In the caller's keeping (ServiceScope), with the last review's reason and the change waiting.
        var s = await ServiceKeeping.LoadAsync(db, user, id, tracked: false, ct);
        return s is null ? new Outcome<ServiceView>.NotFound() : await ServiceKeeping.ViewAsync(db, s, ct);
    }

    private Task<bool> SaveAsync(CurrentUser user, Func<AuditEvent> line, CancellationToken ct) => AuditedSave.SaveAsync(db, audit, user, line, ct);

    private ProviderView View(Provider p, int services) => new(p.Id, p.Name, p.Kind, p.TaxId, p.RegistrationNumber, p.Accreditation, p.AccreditedOn,
        p.AccreditationExpiresOn, p.IsAccreditedOn(Today), p.Phone, p.Email, p.Address, p.Website, services, p.Version);

    public static ServiceView View(Service s, string provider) => new(s.Id, s.Name, s.ProviderId, provider, s.Description, s.Status,
        [.. s.Types.Select(t => t.TypeCode).Order(StringComparer.Ordinal)], [.. s.Districts.Select(d => d.DistrictCode).Order(StringComparer.Ordinal)],
        s.Nationwide, s.Address, s.Latitude, s.Longitude, s.MinAge, s.MaxAge, s.Sex, s.DisabilityOnly, s.Phone, s.Capacity, s.FreePlaces,
        s.OpeningHours, s.Languages?.Split(',') ?? [], s.Cost, s.Version);
}
