using System.Text.Json;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// Screenings of children with the standard instruments (<see cref="Instruments"/>): recorded by whoever records contacts,
/// for a child they may see; with a programme, the screening is also that programme's contact (the child is reached). A
/// score at the threshold of an instrument that proposes cases leaves a <see cref="CaseProposal"/> for the district.
/// </summary>
public sealed class Screenings(AppDbContext db, AuditLog audit, Instruments instruments, Programmes programmes, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The first day the child is <paramref name="months"/> months old by <see cref="MonthsOld"/> (born on the 31st: not always birth + months).</summary>
    public static DateOnly FirstDayAged(DateOnly birth, int months)
    {
        var day = birth.AddMonths(months);
        while (MonthsOld(birth, day) < months) day = day.AddDays(1);
        return day;
    }

    public static int MonthsOld(DateOnly birth, DateOnly on) =>
        Math.Max(0, (on.Year - birth.Year) * 12 + on.Month - birth.Month - (on.Day < birth.Day ? 1 : 0));

    public Outcome<IReadOnlyList<InstrumentView>> List(CurrentUser user, string language)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<IReadOnlyList<InstrumentView>>.Forbidden();
        return new Outcome<IReadOnlyList<InstrumentView>>.Ok([.. instruments.All.Select(i => View(i, language))]);
    }

    public static InstrumentView View(Instrument i, string language) => new(i.Code, i.Version, i.Title.In(language), i.ActivityType, i.Threshold, i.ProposesCase,
        [.. i.Answers.Select(a => new AnswerView(a.Code, a.Score, a.Text.In(language)))],
        [.. i.Items.Select(x => new ItemView(x.Code, x.Text.In(language), x.FromMonths, x.ToMonths, x.Weight))]);

    public async Task<Outcome<ScreeningView>> RecordAsync(CurrentUser user, Guid childId, ScreeningInput r, string language, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<ScreeningView>.Forbidden();
        var child = await db.Reachable(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null) return new Outcome<ScreeningView>.NotFound();
        var e = new FieldErrors();
        var instrument = instruments.Find(r.Instrument, r.Version);
        if (string.IsNullOrWhiteSpace(r.Instrument)) e.Add(PlatformErrors.Required("instrument"));
        else if (instrument is null) e.Add(CommunityErrors.UnknownInstrument());
        if (r.Date is null) e.Add(PlatformErrors.Required("date"));
        else if (r.Date > DateOnly.FromDateTime(Now)) e.Add(PlatformErrors.FutureDate("date"));
        else if (r.Date < child.BirthDate) e.Add(CommunityErrors.BeforeBirth("date"));
        if (!e.IsEmpty || instrument is null) return new Outcome<ScreeningView>.Invalid(e);
        var months = MonthsOld(child.BirthDate, r.Date!.Value);
        var (score, refusals) = instrument.Score(r.Answers, months);
        foreach (var x in refusals) e.Add(x);
        Contact? contact = null;
        IReadOnlyList<ContactChild> attended = [];
        if (r.ProgrammeId is { } pid)
        {
            if (await programmes.FindAsync(pid, ct) is not var (p, provider)) e.Add(CommunityErrors.UnknownProgramme());
            else (contact, attended) = await programmes.CheckContactAsync(user, p, provider,
                new ContactInput(instrument.Activity, r.Date, child.DistrictCode, [child.Id]), e, ct);
        }
        if (!e.IsEmpty) return new Outcome<ScreeningView>.Invalid(e);
        var kept = instrument.Kept(r.Answers!, months);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (contact is not null) await programmes.AddContactAsync(user, contact, attended, ct);
        var (screening, proposal) = await AddAsync(user, child, instrument, r.Date.Value, kept, score, contact?.Id, r.ProgrammeId, language, null, ct);
        await tx.CommitAsync(ct);
        return ViewOf(screening, kept, instrument.Threshold, proposal?.Id);
    }

    /// <summary>
    /// Adds a scored screening (and, at the threshold of an instrument that proposes cases, its proposal) with their
    /// audit lines, in the caller's transaction. <paramref name="extra"/> is added to the proposal's summary (a home visit's flags).
    /// </summary>
    internal async Task<(Screening Screening, CaseProposal? Proposal)> AddAsync(CurrentUser user, Child child, Instrument instrument, DateOnly date,
        IReadOnlyDictionary<string, string> kept, int score, Guid? contactId, int? programmeId, string language, string? extra, CancellationToken ct)
    {
        var s = new Screening
        {
            Id = Guid.CreateVersion7(), ChildId = child.Id, Instrument = instrument.Code, Version = instrument.Version, Date = date,
            AgeMonths = MonthsOld(child.BirthDate, date), Answers = JsonSerializer.Serialize(kept), Score = score, Concern = instrument.Concern(score),
            ProgrammeId = contactId is null ? null : programmeId, ContactId = contactId, At = Now, ById = user.Id,
        };
        db.Add(s);
        CaseProposal? proposal = null;
        if (s.Concern && instrument.ProposesCase)
            proposal = Propose(user, child, "screening", instrument.Summary(kept, score, language) + (extra is null ? "" : "\n" + extra), s.Id, null);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "screening", s.Id.ToString("D"),
            $"child={child.Id:D}; {s.Instrument} v{s.Version}; score {s.Score}{(proposal is null ? "" : "; case proposed " + proposal.Id.ToString("D"))}"), ct);
        return (s, proposal);
    }

    /// <summary>A case proposal for the child's district (added, not saved).</summary>
    internal CaseProposal Propose(CurrentUser user, Child child, string source, string summary, Guid? screeningId, Guid? homeVisitId)
    {
        var p = new CaseProposal
        {
            Id = Guid.CreateVersion7(), ChildId = child.Id, DistrictCode = child.DistrictCode, Source = source, ScreeningId = screeningId, HomeVisitId = homeVisitId,
            Summary = summary.Length > 2000 ? summary[..2000] : summary, Status = ProposalStatus.Open, At = Now, ById = user.Id,
        };
        db.Add(p);
        return p;
    }

    /// <summary>A child's screenings, newest first (scores over time); read audited.</summary>
    public async Task<Outcome<IReadOnlyList<ScreeningView>>> ForChildAsync(CurrentUser user, Guid childId, string? instrument, CancellationToken ct)
    {
        if (!user.Can(Permission.RecordContacts)) return new Outcome<IReadOnlyList<ScreeningView>>.Forbidden();
        if (!await db.Reachable(user).AsNoTracking().AnyAsync(c => c.Id == childId, ct)) return new Outcome<IReadOnlyList<ScreeningView>>.NotFound();
        var q = db.Set<Screening>().AsNoTracking().Where(s => s.ChildId == childId);
        if (!string.IsNullOrWhiteSpace(instrument)) q = q.Where(s => s.Instrument == instrument.Trim());
        var list = await q.OrderByDescending(s => s.Date).ThenByDescending(s => s.At).Take(200).ToListAsync(ct);
        var ids = list.Select(s => (Guid?)s.Id).ToList();
        var proposals = await db.Set<CaseProposal>().AsNoTracking().Where(p => ids.Contains(p.ScreeningId)).ToDictionaryAsync(p => p.ScreeningId!.Value, p => p.Id, ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "screening", null, $"child={childId:D}; {list.Count} screenings"), ct);
        return new Outcome<IReadOnlyList<ScreeningView>>.Ok([.. list.Select(s => ViewOf(s, JsonSerializer.Deserialize<Dictionary<string, string>>(s.Answers)!,
            instruments.Find(s.Instrument, s.Version)?.Threshold ?? 0, proposals.TryGetValue(s.Id, out var pid) ? pid : null))]);
    }

    private static ScreeningView ViewOf(Screening s, IReadOnlyDictionary<string, string> answers, int threshold, Guid? proposalId) =>
        new(s.Id, s.ChildId, s.Instrument, s.Version, s.Date, s.AgeMonths, s.Score, threshold, s.Concern, answers, proposalId, s.ContactId);
}
