using Himaya.Features.Identity;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Institutions;

/// <summary>
/// Monitoring visits: the monitors of the institution's mandate open a visit, answer the checklist, log private
/// interviews and findings with recommendations, and report it; the authority answers each recommendation and the
/// monitors verify. Every write is audited in its transaction; reading a visit with interview notes is audited too.
/// </summary>
public sealed class VisitWork(AppDbContext db, AuditLog audit, InstitutionRegister register, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Outcome<VisitView>> OpenAsync(CurrentUser user, int institutionId, VisitInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.MonitorInstitutions)) return new Outcome<VisitView>.Forbidden();
        var i = await register.FindAsync(user, institutionId, ct);
        if (i is null || !InstitutionScope.InMandate(user, i.DistrictCode)) return new Outcome<VisitView>.NotFound();
        var e = new FieldErrors();
        if (InstitutionVisit.CheckDate(r.VisitedOn, Today) is { } date) e.Add(date);
        var kind = QueryParse.RequiredEnum<VisitKind>(e, "kind", r.Kind?.Trim());
        e.Text("team", r.Team, 500);
        if (!e.IsEmpty) return new Outcome<VisitView>.Invalid(e);
        var v = new InstitutionVisit { Id = Guid.NewGuid(), InstitutionId = i.Id, VisitedOn = r.VisitedOn!.Value, Kind = kind!.Value, Team = r.Team!.Trim(), At = Now, ById = user.Id };
        db.Add(v);
        await SaveAsync(user, new AuditEvent(AuditActions.Create, "institution-visit", v.Id.ToString(), $"institution {i.Id} {v.Kind} {v.VisitedOn:yyyy-MM-dd}"), ct);
        return await ViewAsync(user, v.Id, audited: false, ct);
    }

    /// <summary>One institution with its visits and every recommendation made to it.</summary>
    public async Task<Outcome<InstitutionView>> InstitutionAsync(CurrentUser user, int id, CancellationToken ct)
    {
        if (!user.Can(Permission.ViewInstitutions)) return new Outcome<InstitutionView>.Forbidden();
        var i = await register.FindAsync(user, id, ct);
        if (i is null) return new Outcome<InstitutionView>.NotFound();
        return new InstitutionView((await register.SummariesAsync([i], ct))[0], await VisitsAsync(i.Id, ct), await FindingsAsync(user, i.Id, openOnly: false, ct),
            InstitutionScope.InMandate(user, i.DistrictCode));
    }

    public Task<Outcome<VisitView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct) =>
        user.Can(Permission.ViewInstitutions) ? ViewAsync(user, id, audited: true, ct) : Task.FromResult<Outcome<VisitView>>(new Outcome<VisitView>.Forbidden());

    /// <summary>Answers checklist items (all sent at once, any subset; an item answered again is replaced).</summary>
    public Task<Outcome<VisitView>> AnswerAsync(CurrentUser user, Guid id, ChecklistInput r, CancellationToken ct) => ChangeAsync(user, id, ct, async (v, i) =>
    {
        var e = new FieldErrors();
        var answers = r.Answers ?? [];
        if (answers.Count == 0) e.Add(PlatformErrors.Required("answers"));
        var parsed = new List<(string Item, CheckAnswer Answer, string? Note)>();
        for (var n = 0; n < answers.Count; n++)
        {
            var a = answers[n];
            var at = $"answers[{n}]";
            var answer = QueryParse.RequiredEnum<CheckAnswer>(e, at + ".answer", a?.Answer?.Trim());
            e.Text(at + ".note", a?.Note, 2000, required: false);
            if (answer is { } value && VisitCheck.Check(i.Kind, a?.Item?.Trim(), value, a?.Note, at) is { } bad) e.Add(bad);
            else if (answer is { } ok) parsed.Add((a!.Item!.Trim(), ok, string.IsNullOrWhiteSpace(a.Note) ? null : a.Note.Trim()));
        }
        if (parsed.Select(p => p.Item).Distinct(StringComparer.Ordinal).Count() != parsed.Count) e.Add(InstitutionErrors.ItemTwice());
        if (!e.IsEmpty) return (e, null);
        var items = parsed.Select(p => p.Item).ToList();
        var existing = await db.Set<VisitCheck>().Where(c => c.VisitId == v.Id && items.Contains(c.Item)).ToDictionaryAsync(c => c.Item, ct);
        foreach (var (item, answer, note) in parsed)
        {
            if (existing.TryGetValue(item, out var c)) (c.Answer, c.Note) = (answer, note);
            else db.Add(new VisitCheck { VisitId = v.Id, Item = item, Answer = answer, Note = note });
        }
        return (e, new AuditEvent(AuditActions.Update, "institution-visit", v.Id.ToString(), $"checklist {string.Join(',', parsed.Select(p => $"{p.Item}={p.Answer}"))}"));
    });

    public Task<Outcome<VisitView>> InterviewAsync(CurrentUser user, Guid id, InterviewInput r, CancellationToken ct) => ChangeAsync(user, id, ct, (v, i) =>
    {
        var e = new FieldErrors();
        var who = QueryParse.RequiredEnum<Interviewee>(e, "interviewee", r.Interviewee?.Trim());
        var age = string.IsNullOrWhiteSpace(r.AgeGroup) ? null : r.AgeGroup.Trim();
        if (who is { } w) foreach (var refusal in VisitInterview.Check(w, age, r.Consent)) e.Add(refusal);
        e.Text("notes", r.Notes, 4000);
        if (!e.IsEmpty) return Task.FromResult<(FieldErrors, AuditEvent?)>((e, null));
        db.Add(new VisitInterview { VisitId = v.Id, Interviewee = who!.Value, AgeGroup = age, Notes = r.Notes!.Trim(), At = Now, ById = user.Id });
        // What was said is not in the audit line either: only that an interview was logged, and with whom.
        return Task.FromResult<(FieldErrors, AuditEvent?)>((e, new AuditEvent(AuditActions.Update, "institution-visit", v.Id.ToString(), $"interview {who} {age}".Trim())));
    });

    public Task<Outcome<VisitView>> FindAsync(CurrentUser user, Guid id, FindingInput r, CancellationToken ct) => ChangeAsync(user, id, ct, (v, i) =>
    {
        var e = new FieldErrors();
        var item = string.IsNullOrWhiteSpace(r.Item) ? null : r.Item.Trim();
        foreach (var refusal in VisitFinding.Check(i.Kind, item, r.DueOn, v.VisitedOn)) e.Add(refusal);
        var severity = QueryParse.RequiredEnum<FindingSeverity>(e, "severity", r.Severity?.Trim());
        e.Text("finding", r.Finding, 2000);
        e.Text("recommendation", r.Recommendation, 2000);
        e.Text("addressee", r.Addressee, 200);
        if (!e.IsEmpty) return Task.FromResult<(FieldErrors, AuditEvent?)>((e, null));
        db.Add(new VisitFinding
        {
            VisitId = v.Id, InstitutionId = i.Id, Item = item, Severity = severity!.Value, Finding = r.Finding!.Trim(), Recommendation = r.Recommendation!.Trim(),
            Addressee = r.Addressee!.Trim(), DueOn = r.DueOn, Status = FollowUpStatus.Open, StatusAt = Now, At = Now, ById = user.Id,
        });
        return Task.FromResult<(FieldErrors, AuditEvent?)>((e, new AuditEvent(AuditActions.Update, "institution-visit", v.Id.ToString(), $"finding {severity} {item}".Trim())));
    });

    public Task<Outcome<VisitView>> ReportAsync(CurrentUser user, Guid id, ReportInput r, CancellationToken ct) => ChangeAsync(user, id, ct, async (v, i) =>
    {
        var e = new FieldErrors();
        e.Text("summary", r.Summary, 4000);
        if (!e.IsEmpty) return (e, null);
        var answered = await db.Set<VisitCheck>().Where(c => c.VisitId == v.Id).Select(c => c.Item).ToListAsync(ct);
        if (v.Report(i.Kind, answered, r.Summary!.Trim(), Now) is { } refused) return (e.Add(refused), null);
        return (e, new AuditEvent(AuditActions.Update, "institution-visit", v.Id.ToString(), "reported"));
    });

    /// <summary>The authority of the institution's area answers a recommendation.</summary>
    public async Task<Outcome<FindingView>> RespondAsync(CurrentUser user, long findingId, FollowUpInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.ManageInstitutions)) return new Outcome<FindingView>.Forbidden();
        var (f, i) = await FindingAsync(user, findingId, ct);
        if (f is null || i is null || !InstitutionScope.Answers(user, i.DistrictCode)) return new Outcome<FindingView>.NotFound();
        var e = new FieldErrors();
        var to = QueryParse.RequiredEnum<FollowUpStatus>(e, "status", r.Status?.Trim());
        if (to is { } answer && !VisitFinding.Responses.Contains(answer)) e.Add(InstitutionErrors.ResponseStatus());
        e.Text("note", r.Note, 2000);
        if (!e.IsEmpty) return new Outcome<FindingView>.Invalid(e);
        if (f.Respond(to!.Value, Now) is { } refused) return Outcome<FindingView>.Refused(refused);
        return await FollowAsync(user, f, r.Note!, "response", ct);
    }

    /// <summary>The monitors of the mandate verify an implemented recommendation, or open it again.</summary>
    public async Task<Outcome<FindingView>> VerifyAsync(CurrentUser user, long findingId, VerificationInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.MonitorInstitutions)) return new Outcome<FindingView>.Forbidden();
        var (f, i) = await FindingAsync(user, findingId, ct);
        if (f is null || i is null || !InstitutionScope.InMandate(user, i.DistrictCode)) return new Outcome<FindingView>.NotFound();
        var e = new FieldErrors();
        if (r.Confirmed is null) e.Add(PlatformErrors.Required("confirmed"));
        e.Text("note", r.Note, 2000);
        if (!e.IsEmpty) return new Outcome<FindingView>.Invalid(e);
        if (f.Verify(r.Confirmed!.Value, Now) is { } refused) return Outcome<FindingView>.Refused(refused);
        return await FollowAsync(user, f, r.Note!, "verification", ct);
    }

    /// <summary>The recommendations of the institutions the user sees, newest visit first; open ones only when asked.</summary>
    public async Task<IReadOnlyList<FindingView>> FindingsAsync(CurrentUser user, int? institutionId, bool openOnly, CancellationToken ct)
    {
        var visible = db.Set<Institution>().AsNoTracking().VisibleTo(user).Select(i => i.Id);
        var q = db.Set<VisitFinding>().AsNoTracking().Where(f => visible.Contains(f.InstitutionId));
        if (institutionId is { } only) q = q.Where(f => f.InstitutionId == only);
        if (openOnly) q = q.Where(f => VisitFinding.OpenStatuses.Contains(f.Status));
        return await ViewsAsync(await q.OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(500).ToListAsync(ct), ct);
    }

    public async Task<IReadOnlyList<VisitSummary>> VisitsAsync(int institutionId, CancellationToken ct)
    {
        var visits = await db.Set<InstitutionVisit>().AsNoTracking().Where(v => v.InstitutionId == institutionId).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.At).ToListAsync(ct);
        var kind = await db.Set<Institution>().AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Kind).FirstAsync(ct);
        return await SummariesAsync(visits, kind, ct);
    }

    private async Task<IReadOnlyList<VisitSummary>> SummariesAsync(IReadOnlyList<InstitutionVisit> visits, InstitutionKind kind, CancellationToken ct)
    {
        var ids = visits.Select(v => v.Id).ToList();
        var checks = await db.Set<VisitCheck>().AsNoTracking().Where(c => ids.Contains(c.VisitId)).GroupBy(c => c.VisitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var talks = await db.Set<VisitInterview>().AsNoTracking().Where(c => ids.Contains(c.VisitId)).GroupBy(c => c.VisitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var finds = await db.Set<VisitFinding>().AsNoTracking().Where(c => ids.Contains(c.VisitId)).GroupBy(c => c.VisitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return [.. visits.Select(v => SummaryOf(v, kind, checks.GetValueOrDefault(v.Id), talks.GetValueOrDefault(v.Id), finds.GetValueOrDefault(v.Id)))];
    }

    private static VisitSummary SummaryOf(InstitutionVisit v, InstitutionKind kind, int checks, int interviews, int findings) =>
        new(v.Id, v.InstitutionId, v.VisitedOn, v.Kind, v.Team, v.Status, checks, Checklists.For(kind).Count, interviews, findings);

    private async Task<Outcome<VisitView>> ViewAsync(CurrentUser user, Guid id, bool audited, CancellationToken ct)
    {
        var v = await db.Set<InstitutionVisit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var i = v is null ? null : await register.FindAsync(user, v.InstitutionId, ct);
        if (v is null || i is null) return new Outcome<VisitView>.NotFound();
        var mandate = InstitutionScope.InMandate(user, i.DistrictCode);
        var checks = await db.Set<VisitCheck>().AsNoTracking().Where(c => c.VisitId == id).ToDictionaryAsync(c => c.Item, ct);
        var talks = await db.Set<VisitInterview>().AsNoTracking().Where(c => c.VisitId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        var finds = await db.Set<VisitFinding>().AsNoTracking().Where(c => c.VisitId == id).OrderBy(c => c.Id).ToListAsync(ct);
        if (audited && mandate && talks.Count > 0)
            await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "institution-visit", id.ToString(), $"with {talks.Count} interview notes"), ct);
        // The counts from what was just read (not three more queries).
        return new VisitView(SummaryOf(v, i.Kind, checks.Count, talks.Count, finds.Count), i.Name, i.Kind, v.Summary,
            [.. Checklists.For(i.Kind).Select(item => checks.TryGetValue(item, out var c) ? new CheckView(item, c.Answer, c.Note) : new CheckView(item, null, null))],
            [.. talks.Select(t => new InterviewView(t.Id, t.Interviewee, t.AgeGroup, t.At, mandate ? t.Notes : null))],
            await ViewsAsync(finds, ct), mandate && v.Status == VisitStatus.Open);
    }

    private async Task<IReadOnlyList<FindingView>> ViewsAsync(IReadOnlyList<VisitFinding> findings, CancellationToken ct)
    {
        var ids = findings.Select(f => f.Id).ToList();
        var visitIds = findings.Select(f => f.VisitId).Distinct().ToList();
        var dates = await db.Set<InstitutionVisit>().AsNoTracking().Where(v => visitIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.VisitedOn, ct);
        var updates = await db.Set<FindingUpdate>().AsNoTracking().Where(u => ids.Contains(u.FindingId)).OrderBy(u => u.At).ThenBy(u => u.Id).ToListAsync(ct);
        var byIds = updates.Select(u => u.ById).Distinct().ToList();
        var names = byIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var today = Today;
        return [.. findings.Select(f => new FindingView(f.Id, f.VisitId, dates.GetValueOrDefault(f.VisitId), f.Item, f.Severity, f.Finding, f.Recommendation, f.Addressee,
            f.DueOn, f.Status, f.IsOverdue(today),
            [.. updates.Where(u => u.FindingId == f.Id).Select(u => new FindingUpdateView(u.Status, u.Note, u.At, names.GetValueOrDefault(u.ById) ?? ""))]))];
    }

    private async Task<(VisitFinding?, Institution?)> FindingAsync(CurrentUser user, long id, CancellationToken ct)
    {
        var f = await db.Set<VisitFinding>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return (f, f is null ? null : await register.FindAsync(user, f.InstitutionId, ct));
    }

    private async Task<Outcome<FindingView>> FollowAsync(CurrentUser user, VisitFinding f, string note, string step, CancellationToken ct)
    {
        db.Add(new FindingUpdate { FindingId = f.Id, Status = f.Status, Note = note.Trim(), At = Now, ById = user.Id });
        await SaveAsync(user, new AuditEvent(AuditActions.Update, "institution-finding", f.Id.ToString(), $"{step} {f.Status}"), ct);
        return new Outcome<FindingView>.Ok((await ViewsAsync([f], ct))[0]);
    }

    /// <summary>A change to an open visit within the monitor's mandate; refused, nothing is saved.</summary>
    private async Task<Outcome<VisitView>> ChangeAsync(CurrentUser user, Guid id, CancellationToken ct,
        Func<InstitutionVisit, Institution, Task<(FieldErrors Errors, AuditEvent? Event)>> change)
    {
        if (!user.Can(Permission.MonitorInstitutions)) return new Outcome<VisitView>.Forbidden();
        var v = await db.Set<InstitutionVisit>().FirstOrDefaultAsync(x => x.Id == id, ct);
        var i = v is null ? null : await register.FindAsync(user, v.InstitutionId, ct);
        if (v is null || i is null || !InstitutionScope.InMandate(user, i.DistrictCode)) return new Outcome<VisitView>.NotFound();
        if (v.CanChange() is { } closed) return Outcome<VisitView>.Refused(closed);
        var (errors, audited) = await change(v, i);
        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return new Outcome<VisitView>.Invalid(errors);
        }
        await SaveAsync(user, audited!, ct);
        return await ViewAsync(user, id, audited: false, ct);
    }

    private async Task SaveAsync(CurrentUser user, AuditEvent e, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, e, ct);
        await tx.CommitAsync(ct);
    }
}
