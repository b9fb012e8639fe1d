using System.Globalization;
using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Services;

/// <summary>
/// A provider's record after it is registered: its facts and accreditation, its state contracts and its contact people.
/// The directory's keepers (<see cref="Permission.ManageServices"/>) change all of it; a provider's own staff (users whose
/// agency is its name) read their provider and keep its contacts, and see no other provider (404). Every change is
/// audited in its transaction; a change to the provider's facts carries the version it was based on.
/// </summary>
public sealed class ProviderRecords(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The providers the caller may see (keepers: all; staff: their own), by kind, and only those with an accreditation warning.</summary>
    public async Task<Outcome<IReadOnlyList<ProviderSummary>>> ListAsync(CurrentUser user, ProviderKind? kind, bool expiring, CancellationToken ct)
    {
        if (!Reads(user)) return new Outcome<IReadOnlyList<ProviderSummary>>.Forbidden();
        var q = db.Providers.AsNoTracking();
        if (!user.Can(Permission.ManageServices)) q = q.Where(p => p.Name == user.Agency);
        if (kind is { } k) q = q.Where(p => p.Kind == k);
        if (expiring)
        {
            // The same days as Provider.AccreditationWarningOn, in SQL.
            var limit = Today.AddDays(Provider.ExpiryWarningDays);
            q = q.Where(p => p.Accreditation == AccreditationStatus.Expired
                || (p.Accreditation == AccreditationStatus.Accredited && p.AccreditationExpiresOn != null && p.AccreditationExpiresOn <= limit));
        }
        var today = Today;
        var rows = await q.OrderBy(p => p.Name).Select(p => new
        {
            P = p, Services = db.Set<Service>().Count(s => s.ProviderId == p.Id),
            Contracts = db.Set<ProviderContract>().Count(c => c.ProviderId == p.Id && c.StartsOn <= today && c.EndsOn >= today && (c.EndedOn == null || c.EndedOn > today)),
        }).ToListAsync(ct);
        return rows.Select(x => Summary(x.P, x.Services, x.Contracts)).ToList();
    }

    /// <summary>The providers whose staff's proposal waits for a keeper, the longest waiting first.</summary>
    public async Task<IReadOnlyList<(int Id, string Name, DateTime Since)>> ProposalsWaitingAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices)) return [];
        var rows = await db.Providers.AsNoTracking().Where(p => p.ProposedAt != null).OrderBy(p => p.ProposedAt)
            .Select(p => new { p.Id, p.Name, p.ProposedAt }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name, r.ProposedAt!.Value))];
    }

    public async Task<Outcome<ProviderDetails>> GetAsync(CurrentUser user, int id, CancellationToken ct)
    {
        if (!Reads(user)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !Sees(user, p)) return new Outcome<ProviderDetails>.NotFound();
        return await DetailsAsync(p, ct);
    }

    /// <summary>Replaces the provider's facts. A new name is followed by its services and its staff (that name is how they are tied to it).</summary>
    public async Task<Outcome<ProviderDetails>> UpdateAsync(CurrentUser user, int id, ProviderUpdate r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome<ProviderDetails>.NotFound();
        var e = ServiceValidation.Provider(r.AsInput());
        if (r.Version is null) e.Add(ProviderErrors.VersionRequired());
        var name = ServiceValidation.Clean(r.Name);
        if (name is not null && await db.Providers.AnyAsync(x => x.Name == name && x.Id != id, ct)) e.Add(ServiceErrors.ProviderNameTaken());
        if (!e.IsEmpty) return new Outcome<ProviderDetails>.Invalid(e);
        if (r.Version != p.Version) return Outcome<ProviderDetails>.Refused(ProviderErrors.ChangedSince(r.Version!.Value, p.Version), await DetailsAsync(p, ct));

        var oldName = p.Name;
        (p.Name, p.Kind, p.TaxId, p.RegistrationNumber) = (name!, r.Kind!.Value, ServiceValidation.Clean(r.TaxId), ServiceValidation.Clean(r.RegistrationNumber));
        (p.Accreditation, p.AccreditedOn, p.AccreditationExpiresOn) = (r.Accreditation ?? AccreditationStatus.None, r.AccreditedOn, r.AccreditationExpiresOn);
        (p.Phone, p.Email, p.Address, p.Website) = (ServiceValidation.Clean(r.Phone), ServiceValidation.Clean(r.Email), ServiceValidation.Clean(r.Address), ServiceValidation.Clean(r.Website));
        p.UpdatedAt = Now;
        p.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ProviderDetails>.Refused(ProviderErrors.ChangedAtSameMoment());
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<ProviderDetails>.Invalid(new FieldErrors().Add(ServiceErrors.ProviderNameTaken()));
        }
        var detail = $"{p.Kind}; accreditation {p.Accreditation} until {p.AccreditationExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}";
        if (oldName != p.Name)
        {
            var services = await db.Services.Where(s => s.ProviderId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Agency, p.Name), ct);
            var staff = await db.Users.Where(u => u.Agency == oldName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Agency, p.Name), ct);
            detail += $"; renamed, {services} services and {staff} staff follow";
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "provider", Id(id), detail), ct);
        await tx.CommitAsync(ct);
        return await DetailsAsync(p, ct);
    }

    public async Task<Outcome<ProviderDetails>> AddContractAsync(CurrentUser user, int id, ContractInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome<ProviderDetails>.NotFound();
        var e = ProviderContract.Check(r);
        var types = (r.Types ?? []).Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        var offered = await db.ServiceTypes.AsNoTracking().Where(t => t.Active && types.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        if (types.FirstOrDefault(t => !offered.Contains(t)) is { } unknown) e.Add(ServiceErrors.UnknownType(unknown));
        var (funder, number) = (ServiceValidation.Clean(r.Funder), ServiceValidation.Clean(r.Number));
        if (funder is not null && number is not null && await db.ProviderContracts.AnyAsync(c => c.Funder == funder && c.Number == number, ct))
            e.Add(ProviderErrors.ContractNumberTaken(number));
        if (!e.IsEmpty) return new Outcome<ProviderDetails>.Invalid(e);
        var contract = new ProviderContract
        {
            ProviderId = id, Funder = funder!, Number = number!, Amount = r.Amount!.Value, StartsOn = r.From!.Value, EndsOn = r.To!.Value, CreatedAt = Now,
            Types = [.. types.Select(t => new ContractServiceType { TypeCode = t })],
        };
        db.ProviderContracts.Add(contract);
        if (!await SaveAsync(user, () => new AuditEvent(AuditActions.Create, "provider-contract", Id(contract.Id),
                $"provider {id}; {contract.Amount.ToString(CultureInfo.InvariantCulture)} AZN {contract.StartsOn:yyyy-MM-dd}..{contract.EndsOn:yyyy-MM-dd}; {string.Join(',', types)}"), ct))
            return new Outcome<ProviderDetails>.Invalid(new FieldErrors().Add(ProviderErrors.ContractNumberTaken(number!)));
        return await DetailsAsync(p, ct);
    }

    public async Task<Outcome<ProviderDetails>> EndContractAsync(CurrentUser user, int id, int contractId, ContractEnd r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var contract = await db.ProviderContracts.FirstOrDefaultAsync(c => c.Id == contractId && c.ProviderId == id, ct);
        if (p is null || contract is null) return new Outcome<ProviderDetails>.NotFound();
        if (contract.End(r.EndedOn ?? Today, Today) is { } refused) return Outcome<ProviderDetails>.Refused(refused, await DetailsAsync(p, ct));
        await SaveAsync(user, () => new AuditEvent(AuditActions.Update, "provider-contract", Id(contractId), $"provider {id}; ended {contract.EndedOn:yyyy-MM-dd}"), ct);
        return await DetailsAsync(p, ct);
    }

    /// <summary>The provider's own staff (or a keeper) propose how people reach it; it waits for a keeper's decision.</summary>
    public async Task<Outcome<ProviderDetails>> ProposeAsync(CurrentUser user, int id, ProposalInput r, CancellationToken ct)
    {
        if (!Reads(user)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !Sees(user, p)) return new Outcome<ProviderDetails>.NotFound();
        var facts = new ProviderContactFacts(ServiceValidation.Clean(r.Phone), ServiceValidation.Clean(r.Email), ServiceValidation.Clean(r.Address), ServiceValidation.Clean(r.Website));
        var e = ServiceValidation.ContactFacts(facts);
        if (!e.IsEmpty) return new Outcome<ProviderDetails>.Invalid(e);
        if (p.Propose(facts, user.Id, Now) is { } refused) return Outcome<ProviderDetails>.Refused(refused);
        if (!await SaveAsync(user, () => new AuditEvent(AuditActions.Update, "provider", Id(id), "contact facts proposed"), ct))
            return Outcome<ProviderDetails>.Refused(ProviderErrors.ChangedAtSameMoment());
        return await DetailsAsync(p, ct);
    }

    /// <summary>A keeper approves the waiting proposal (the facts change) or returns it with a reason, on the version they read.</summary>
    public async Task<Outcome<ProviderDetails>> DecideProposalAsync(CurrentUser user, int id, ProposalDecision r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageServices)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome<ProviderDetails>.NotFound();
        var e = new FieldErrors();
        if (r.Version is null) e.Add(ProviderErrors.VersionRequired());
        if (r.Approve is null) e.Add(ProviderErrors.ApproveOrReturn());
        if (!e.IsEmpty) return new Outcome<ProviderDetails>.Invalid(e);
        if (r.Version != p.Version) return Outcome<ProviderDetails>.Refused(ProviderErrors.ChangedSince(r.Version!.Value, p.Version), await DetailsAsync(p, ct));
        var refused = r.Approve == true ? p.ApproveProposal(Now) : p.ReturnProposal(r.Reason, Now);
        if (refused is not null) return Outcome<ProviderDetails>.Refused(refused);
        var what = r.Approve == true ? "proposal approved" : "proposal returned";
        if (!await SaveAsync(user, () => new AuditEvent(AuditActions.Update, "provider", Id(id), what), ct))
            return Outcome<ProviderDetails>.Refused(ProviderErrors.ChangedAtSameMoment());
        return await DetailsAsync(p, ct);
    }

    public async Task<Outcome<ProviderDetails>> AddContactAsync(CurrentUser user, int id, ContactInput r, CancellationToken ct)
    {
        if (!Reads(user)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !Sees(user, p)) return new Outcome<ProviderDetails>.NotFound();
        var e = ProviderContact.Check(r);
        if (!e.IsEmpty) return new Outcome<ProviderDetails>.Invalid(e);
        var contact = new ProviderContact
        {
            ProviderId = id, Name = r.Name!.Trim(), Role = ServiceValidation.Clean(r.Role), Phone = ServiceValidation.Clean(r.Phone),
            Email = ServiceValidation.Clean(r.Email), CreatedAt = Now,
        };
        db.ProviderContacts.Add(contact);
        // A contact is a person: the line names the record, not them.
        await SaveAsync(user, () => new AuditEvent(AuditActions.Create, "provider-contact", Id(contact.Id), $"provider {id}"), ct);
        return await DetailsAsync(p, ct);
    }

    public async Task<Outcome<ProviderDetails>> RemoveContactAsync(CurrentUser user, int id, int contactId, CancellationToken ct)
    {
        if (!Reads(user)) return new Outcome<ProviderDetails>.Forbidden();
        var p = await db.Providers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var contact = await db.ProviderContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.ProviderId == id, ct);
        if (p is null || !Sees(user, p) || contact is null) return new Outcome<ProviderDetails>.NotFound();
        db.ProviderContacts.Remove(contact);
        await SaveAsync(user, () => new AuditEvent(AuditActions.Delete, "provider-contact", Id(contactId), $"provider {id}"), ct);
        return await DetailsAsync(p, ct);
    }

    private static bool Reads(CurrentUser user) => user.Can(Permission.ManageServices) || user.Can(Permission.EditServices);

    /// <summary>Keepers see every provider; its staff, their own.</summary>
    private static bool Sees(CurrentUser user, Provider p) => user.Can(Permission.ManageServices) || p.Name == user.Agency;

    private Task<bool> SaveAsync(CurrentUser user, Func<AuditEvent> line, CancellationToken ct) => AuditedSave.SaveAsync(db, audit, user, line, ct);

    private ProviderSummary Summary(Provider p, int services, int contracts) => new(p.Id, p.Name, p.Kind, p.TaxId, p.RegistrationNumber, p.Accreditation,
        p.AccreditedOn, p.AccreditationExpiresOn, p.IsAccreditedOn(Today), p.AccreditationWarningOn(Today), p.Phone, p.Email, p.Address, p.Website,
        services, contracts, p.Version, p.ProposedAt is not null);

    private async Task<ProviderDetails> DetailsAsync(Provider p, CancellationToken ct)
    {
        var today = Today;
        var services = await db.Services.CountAsync(s => s.ProviderId == p.Id, ct);
        var contracts = (await db.ProviderContracts.AsNoTracking().Include(c => c.Types).Where(c => c.ProviderId == p.Id).ToListAsync(ct))
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new ContractView(c.Id, c.Funder, c.Number, c.Amount, c.StartsOn, c.EndsOn, c.EndedOn, c.StatusOn(today),
                [.. c.Types.Select(t => t.TypeCode).Order(StringComparer.Ordinal)])).ToList();
        var contacts = await db.ProviderContacts.AsNoTracking().Where(c => c.ProviderId == p.Id).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new ContactView(c.Id, c.Name, c.Role, c.Phone, c.Email)).ToListAsync(ct);
        // Summed here: SQLite cannot add decimals in SQL.
        var funding = contracts.Where(c => c.Status == ContractStatus.Active).Sum(c => c.Amount);
        ProposalView? proposal = null;
        if (p.WaitingProposal() is { } w)
        {
            var by = await db.Users.AsNoTracking().Where(u => u.Id == p.ProposedById).Select(u => u.UserName).FirstOrDefaultAsync(ct);
            proposal = new ProposalView(w.Phone, w.Email, w.Address, w.Website, by ?? "", p.ProposedAt!.Value);
        }
        return new ProviderDetails(p.Id, p.Name, p.Kind, p.TaxId, p.RegistrationNumber, p.Accreditation, p.AccreditedOn, p.AccreditationExpiresOn,
            p.IsAccreditedOn(today), p.AccreditationWarningOn(today), p.Phone, p.Email, p.Address, p.Website, services, p.Version, funding, contracts, contacts,
            proposal, p.ReturnedReason);
    }
}
