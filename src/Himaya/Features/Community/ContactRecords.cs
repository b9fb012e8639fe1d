using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// A programme's recorded contacts for those who record them: the sessions listed (newest first, in the caller's area,
/// counts only), and a contact taken back (a wrong child ticked, a session recorded twice) — audited with who it reached.
/// </summary>
public sealed class ContactRecords(AppDbContext db, AuditLog audit, Programmes programmes, TimeProvider clock)
{
    public const int MaxListed = 100;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<IReadOnlyList<ContactSummary>>> ListAsync(CurrentUser user, int programmeId, string? district, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<IReadOnlyList<ContactSummary>>.Forbidden();
        if (await programmes.FindAsync(programmeId, ct) is not var (_, provider)) return new Outcome<IReadOnlyList<ContactSummary>>.NotFound();
        if (!CommunityScope.Runs(user, provider)) return new Outcome<IReadOnlyList<ContactSummary>>.Forbidden(CommunityErrors.NotYourProgramme());
        var contacts = db.Set<Contact>().AsNoTracking().Where(c => c.ProgrammeId == programmeId);
        if (!CommunityScope.SeesAllSessions(user))
        {
            var areas = user.Districts.ToList();
            contacts = contacts.Where(c => areas.Contains(c.DistrictCode));
        }
        if (!string.IsNullOrWhiteSpace(district)) contacts = contacts.Where(c => c.DistrictCode == district.Trim());
        var page = await contacts.OrderByDescending(c => c.Date).ThenByDescending(c => c.At).Take(MaxListed).ToListAsync(ct);
        var ids = page.Select(c => c.Id).ToList();
        var counts = (await db.Set<ContactChild>().Where(x => ids.Contains(x.ContactId)).Select(x => new { x.ContactId, x.ChildPresent, x.Caregivers }).ToListAsync(ct))
            .GroupBy(x => x.ContactId).ToDictionary(g => g.Key, g => (Children: g.Count(), Caregivers: g.Sum(x => ContactChild.Parse(x.Caregivers).Count)));
        var kept = (await db.Set<HomeVisit>().Where(v => ids.Contains(v.ContactId)).Select(v => v.ContactId).ToListAsync(ct)).ToHashSet();
        var byIds = page.Select(c => c.ById).Distinct().ToList();
        var names = await db.Users.Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var plans = user.Can(Permission.ManageProgrammes);
        return new Outcome<IReadOnlyList<ContactSummary>>.Ok([.. page.Select(c =>
        {
            var (children, caregivers) = counts.GetValueOrDefault(c.Id);
            return new ContactSummary(c.Id, c.ActivityType, c.Date, c.DistrictCode, c.Place, c.Topics, c.ReferralMade, children, caregivers,
                names.GetValueOrDefault(c.ById) ?? "", c.At, c.Removal(user.Id, plans, kept.Contains(c.Id), Today) is null);
        })]);
    }

    /// <summary>Takes a contact back (<see cref="Contact.Removal"/>): the children it reached are no longer reached by it.</summary>
    public async Task<Outcome<bool>> RemoveAsync(CurrentUser user, int programmeId, Guid contactId, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<bool>.Forbidden();
        if (await programmes.FindAsync(programmeId, ct) is not var (_, provider)) return new Outcome<bool>.NotFound();
        if (!CommunityScope.Runs(user, provider)) return new Outcome<bool>.Forbidden(CommunityErrors.NotYourProgramme());
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == contactId && c.ProgrammeId == programmeId, ct);
        if (contact is null || (!CommunityScope.SeesAllSessions(user) && !user.Districts.Contains(contact.DistrictCode))) return new Outcome<bool>.NotFound();
        var keptByVisit = await db.Set<HomeVisit>().AnyAsync(v => v.ContactId == contactId, ct);
        // Someone else's contact is refused as a conflict, not a 403: the caller may remove contacts, just not this one.
        if (contact.Removal(user.Id, user.Can(Permission.ManageProgrammes), keptByVisit, Today) is { } refused) return Outcome<bool>.Refused(refused);
        var reached = await db.Set<ContactChild>().Where(x => x.ContactId == contactId).Select(x => x.ChildId).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Screenings taken at the contact keep their scores; they no longer count as the programme's contact.
        await db.Set<Screening>().Where(s => s.ContactId == contactId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ContactId, (Guid?)null), ct);
        // A child who became a participant by this contact alone (joined with it, by its recorder, and in no other
        // contact or home visiting of the programme) is no participant any more: a wrong tick opens nothing to a provider.
        var (at, by) = (contact.At, contact.ById);
        var joinedHere = await db.Set<Participant>().Where(x => x.ProgrammeId == programmeId && reached.Contains(x.ChildId) && !x.RegisteredHere && x.At == at && x.ById == by
            && !db.Set<ContactChild>().Any(cc => cc.ChildId == x.ChildId && cc.ContactId != contactId && db.Set<Contact>().Any(c => c.Id == cc.ContactId && c.ProgrammeId == programmeId))
            && !db.Set<HomeVisitEnrolment>().Any(h => h.ProgrammeId == programmeId && h.ChildId == x.ChildId)).ToListAsync(ct);
        db.RemoveRange(joinedHere);
        db.Remove(contact);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Delete, "contact", contactId.ToString(),
            $"programme {programmeId}; {contact.ActivityType} {contact.Date:yyyy-MM-dd} {contact.DistrictCode}; children {string.Join(',', reached)}"
            + (joinedHere.Count > 0 ? $"; no longer participants {string.Join(',', joinedHere.Select(x => x.ChildId))}" : "")), ct);
        await tx.CommitAsync(ct);
        return new Outcome<bool>.Ok(true);
    }
}
