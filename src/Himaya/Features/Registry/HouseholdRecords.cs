using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Registry;

/// <summary>Households: register, read, edit, list. Same rules as children: role + scope, audited, versioned.</summary>
public sealed class HouseholdRecords(AppDbContext db, AuditLog audit, AdminUnits units, TimeProvider clock)
{
    public const string EntityType = "household";
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static FieldErrors Validate(HouseholdInput i, AdminUnits units, bool isUpdate, int thisYear)
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(i.Address)) e.Add(RegistryErrors.AddressRequired());
        else if (i.Address.Length > 300) e.Add(PlatformErrors.TooLong("address", 300));
        if (string.IsNullOrWhiteSpace(i.DistrictCode)) e.Add(RegistryErrors.DistrictRequired("districtCode"));
        else if (!units.IsDistrict(i.DistrictCode.Trim())) e.Add(PlatformErrors.UnknownDistrict("districtCode"));
        if (i.Settlement is { Length: > 100 }) e.Add(PlatformErrors.TooLong("settlement", 100));
        if (i.HeadName is { Length: > 200 }) e.Add(PlatformErrors.TooLong("headName", 200));
        if (i.OtherIncomeSupport is { Length: > 200 }) e.Add(PlatformErrors.TooLong("otherIncomeSupport", 200));
        if (i.Rooms is < 0 or > 50) e.Add(RegistryErrors.RoomsRange());
        if (i.People is < 1 or > 100) e.Add(RegistryErrors.PeopleRange());
        for (var k = 0; k < (i.Members?.Count ?? 0); k++)
        {
            var m = i.Members![k];
            if (m is null) { e.Add(RegistryErrors.MemberEmpty($"members[{k}]")); continue; }
            if (string.IsNullOrWhiteSpace(m.FullName)) e.Add(RegistryErrors.Required($"members[{k}].fullName"));
            else if (m.FullName.Length > 200) e.Add(PlatformErrors.TooLong($"members[{k}].fullName", 200));
            if (string.IsNullOrWhiteSpace(m.Relationship)) e.Add(RegistryErrors.RelationshipRequired($"members[{k}].relationship"));
            else if (m.Relationship.Length > 32) e.Add(PlatformErrors.TooLong($"members[{k}].relationship", 32));
            if (m.BirthYear is { } y && (y < thisYear - 120 || y > thisYear)) e.Add(RegistryErrors.BirthYearImplausible($"members[{k}].birthYear"));
        }
        if (i.Members?.Count(m => m?.IsHead == true) > 1) e.Add(RegistryErrors.OneHead());
        if (isUpdate && i.Version is null) e.Add(RegistryErrors.VersionRequired());
        return e;
    }

    public async Task<Outcome<PagedList<HouseholdSummary>>> ListAsync(CurrentUser user, string? district, int page, int pageSize, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<PagedList<HouseholdSummary>>.Forbidden();
        var e = new FieldErrors();
        if (page < 1) e.Add(PlatformErrors.PageStartsAtOne("page"));
        if (pageSize is < 1 or > 100) e.Add(PlatformErrors.PageSize("pageSize", 100));
        else if (page > 1 + (SearchChildren.CountCap / pageSize)) e.Add(RegistryErrors.HouseholdsBeyondCap(SearchChildren.CountCap));
        if (district is { Length: > 0 } && units.Find(district) is null) e.Add(PlatformErrors.UnknownDistrict("district"));
        if (!e.IsEmpty) return new Outcome<PagedList<HouseholdSummary>>.Invalid(e);
        var q = db.Households.AsNoTracking().VisibleTo(user);
        if (district is { Length: > 0 })
        {
            var codes = units.SelfAndDescendants(district).ToList();
            q = q.Where(h => codes.Contains(h.DistrictCode));
        }
        var total = await q.Take(SearchChildren.CountCap + 1).CountAsync(ct);
        var rows = await q.OrderBy(h => h.DistrictCode).ThenBy(h => h.Address).ThenBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(h => new { h.Id, h.Address, h.DistrictCode, h.HeadName, h.People, Children = h.Children.Count(c => c.DeletedAt == null) }).ToListAsync(ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, EntityType, Detail: $"district={district}; page={page}; returned={rows.Count}"), ct);
        return new PagedList<HouseholdSummary>([.. rows.Select(h => new HouseholdSummary(h.Id, h.Address, h.DistrictCode, units.DisplayName(h.DistrictCode, culture), h.HeadName, h.People, h.Children))],
            page, pageSize, Math.Min(total, SearchChildren.CountCap), total <= SearchChildren.CountCap);
    }

    public async Task<Outcome<HouseholdDto>> GetAsync(CurrentUser user, Guid id, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadPersonalData)) return new Outcome<HouseholdDto>.Forbidden();
        var h = await db.Households.AsNoTracking().VisibleTo(user).Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Key(id), "read: not found or out of scope", false), ct);
            return new Outcome<HouseholdDto>.NotFound();
        }
        // Only the children this user may see are listed.
        var children = await db.Children.AsNoTracking().VisibleTo(user).Where(c => c.HouseholdId == id).OrderBy(c => c.BirthDate)
            .Select(c => new ChildSummary(c.Id, c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.DistrictCode, null, c.CareArrangement, c.HasFunctionalDifficulty))
            .ToListAsync(ct);
        // The page names the children too: each appears in that child's access log.
        await audit.RecordAsync(user, [new AuditEvent(AuditActions.Read, EntityType, Key(id)),
            .. children.Select(c => new AuditEvent(AuditActions.Read, ChildRecords.EntityType, Key(c.Id), "listed on household " + Key(id)))], ct);
        return ToDto(h, children, culture);
    }

    public async Task<Outcome<HouseholdDto>> CreateAsync(CurrentUser user, HouseholdInput input, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<HouseholdDto>.Forbidden();
        var e = Validate(input, units, isUpdate: false, Now.Year);
        if (!e.IsEmpty) return new Outcome<HouseholdDto>.Invalid(e);
        if (!RegistryScope.MayWriteIn(user, input.DistrictCode!.Trim())) return Outcome<HouseholdDto>.Refused(RegistryErrors.DistrictOutsideScope());
        var h = new Household { Id = Guid.CreateVersion7(), Address = "", DistrictCode = "", CreatedById = user.Id, Agency = user.Agency, CreatedAt = Now, UpdatedAt = Now, Version = 1 };
        Apply(input, h);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Households.Add(h);
        db.RecordChanges.Add(RecordHistory.Diff(EntityType, h.Id, AuditActions.Create, new Dictionary<string, string?>(), Fields(h), user, Now));
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, EntityType, Key(h.Id)), ct);
        await tx.CommitAsync(ct);
        return ToDto(h, [], culture);
    }

    public async Task<Outcome<HouseholdDto>> UpdateAsync(CurrentUser user, Guid id, HouseholdInput input, string culture, CancellationToken ct)
    {
        if (!user.Can(Permission.WriteRegistry)) return new Outcome<HouseholdDto>.Forbidden();
        var h = await db.Households.VisibleTo(user).Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Key(id), "update: not found or out of scope", false), ct);
            return new Outcome<HouseholdDto>.NotFound();
        }
        var e = Validate(input, units, isUpdate: true, Now.Year);
        if (!e.IsEmpty) return new Outcome<HouseholdDto>.Invalid(e);
        if (input.Version != h.Version) return Outcome<HouseholdDto>.Refused(RegistryErrors.HouseholdChangedSince(input.Version.GetValueOrDefault(), h.Version));
        if (input.DistrictCode!.Trim() != h.DistrictCode && !RegistryScope.MayWriteIn(user, input.DistrictCode.Trim()))
            return Outcome<HouseholdDto>.Refused(RegistryErrors.DistrictOutsideScope());
        var before = Fields(h);
        Apply(input, h);
        var change = RecordHistory.Diff(EntityType, id, AuditActions.Update, before, Fields(h), user, Now);
        if (change.Changes != "[]")
        {
            h.UpdatedAt = Now;
            h.Version++;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.RecordChanges.Add(change);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Outcome<HouseholdDto>.Refused(RegistryErrors.HouseholdSavedAtSameMoment()); }
            await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, EntityType, Key(id)), ct);
            await tx.CommitAsync(ct);
        }
        return ToDto(h, [], culture);
    }

    /// <summary>Archives a household. One that still has live children is refused: move or archive them first.</summary>
    public async Task<Outcome<bool>> DeleteAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.DeleteRegistry)) return new Outcome<bool>.Forbidden();
        var h = await db.Households.VisibleTo(user).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Denied, EntityType, Key(id), "delete: not found or out of scope", false), ct);
            return new Outcome<bool>.NotFound();
        }
        if (await db.Children.AnyAsync(c => c.HouseholdId == id && c.DeletedAt == null, ct))
            return Outcome<bool>.Refused(RegistryErrors.HouseholdHasChildren());
        return await Archiving.ArchiveAsync(db, audit, user, h, EntityType, id, Now, ct);
    }

    /// <summary>Changes to a household the caller may see (checked by <see cref="GetAsync"/> first).</summary>
    public Task<IReadOnlyList<RecordChange>> HistoryAsync(Guid id, CancellationToken ct) => RecordHistory.OfAsync(db, EntityType, id, ct);

    private static void Apply(HouseholdInput i, Household h)
    {
        h.Address = i.Address!.Trim();
        h.DistrictCode = i.DistrictCode!.Trim();
        h.Settlement = i.Settlement?.Trim();
        h.Residence = i.Residence;
        h.WaterSource = i.WaterSource;
        h.Sanitation = i.Sanitation;
        h.Rooms = i.Rooms;
        h.People = i.People;
        h.ReceivesTsa = i.ReceivesTsa;
        h.OtherIncomeSupport = i.OtherIncomeSupport?.Trim();
        var members = (i.Members ?? []).Select(m => new HouseholdMember { FullName = m.FullName!.Trim(), Relationship = m.Relationship!.Trim(), Sex = m.Sex, BirthYear = m.BirthYear, IsHead = m.IsHead }).ToList();
        if (!members.Select(MemberKey).SequenceEqual(h.Members.Select(MemberKey)))
        {
            h.Members.Clear();
            h.Members.AddRange(members);
        }
        h.HeadName = string.IsNullOrWhiteSpace(i.HeadName) ? members.FirstOrDefault(m => m.IsHead)?.FullName : i.HeadName.Trim();
    }

    private static string MemberKey(HouseholdMember m) => $"{m.FullName}|{m.Relationship}|{m.Sex}|{m.BirthYear}|{m.IsHead}";

    private static Dictionary<string, string?> Fields(Household h) => new(StringComparer.Ordinal)
    {
        ["address"] = h.Address, ["districtCode"] = h.DistrictCode, ["settlement"] = h.Settlement, ["residence"] = h.Residence?.ToString(),
        ["headName"] = h.HeadName, ["waterSource"] = h.WaterSource?.ToString(), ["sanitation"] = h.Sanitation?.ToString(),
        ["rooms"] = h.Rooms?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["people"] = h.People?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["receivesTsa"] = h.ReceivesTsa?.ToString(), ["otherIncomeSupport"] = h.OtherIncomeSupport,
        ["members"] = string.Join("; ", h.Members.Select(MemberKey)),
    };

    private HouseholdDto ToDto(Household h, IReadOnlyList<ChildSummary> children, string culture) => new(
        h.Id, h.Address, h.DistrictCode, units.DisplayName(h.DistrictCode, culture), h.Settlement, h.Residence, h.HeadName, h.WaterSource, h.Sanitation,
        h.Rooms, h.People, h.Rooms is > 0 && h.People is { } p ? Math.Round((double)p / h.Rooms.Value, 2) : null, h.ReceivesTsa, h.OtherIncomeSupport,
        [.. h.Members.OrderByDescending(m => m.IsHead).ThenBy(m => m.Id).Select(m => new HouseholdMemberDto(m.FullName, m.Relationship, m.Sex, m.BirthYear, m.IsHead))],
        children, h.CreatedAt, h.UpdatedAt, h.Version);

    public static HouseholdInput ToInput(HouseholdDto h) => new()
    {
        Address = h.Address, DistrictCode = h.DistrictCode, Settlement = h.Settlement, Residence = h.Residence, HeadName = h.HeadName,
        WaterSource = h.WaterSource, Sanitation = h.Sanitation, Rooms = h.Rooms, People = h.People, ReceivesTsa = h.ReceivesTsa,
        OtherIncomeSupport = h.OtherIncomeSupport, Version = h.Version,
        Members = [.. h.Members.Select(m => new HouseholdMemberInput(m.FullName, m.Relationship, m.Sex, m.BirthYear, m.IsHead))],
    };

    private static string Key(Guid id) => ChildRecords.Id(id);
}
