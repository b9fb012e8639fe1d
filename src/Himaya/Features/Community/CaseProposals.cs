using Himaya.Features.Cases;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Community;

/// <summary>
/// Cases proposed by screenings and home visits, decided by case workers who may see the child: opened through the Cases
/// opening (its permission, rules and numbering; the proposal's summary as the reason unless the worker writes one),
/// in one transaction with the proposal's decision; or declined with a reason. Out of scope is not found.
/// </summary>
public sealed class CaseProposals(AppDbContext db, AuditLog audit, CaseWork cases, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<CaseProposal> Visible(CurrentUser user) =>
        db.Set<CaseProposal>().Where(p => db.Set<Child>().VisibleTo(user).Any(c => c.Id == p.ChildId));

    public async Task<Outcome<IReadOnlyList<ProposalView>>> ListAsync(CurrentUser user, string? status, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<IReadOnlyList<ProposalView>>.Forbidden();
        var e = new FieldErrors();
        var wanted = QueryParse.Enum<ProposalStatus>(e, "status", status);
        if (!e.IsEmpty) return new Outcome<IReadOnlyList<ProposalView>>.Invalid(e);
        var q = Visible(user).AsNoTracking();
        if (wanted is { } w) q = q.Where(p => p.Status == w);
        var list = await ViewsAsync(q.OrderBy(p => p.Status).ThenByDescending(p => p.At).Take(200), ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "case-proposal", null, $"status={status}; ids={string.Join(',', list.Select(p => p.ChildId.ToString("N")))}"), ct);
        return new Outcome<IReadOnlyList<ProposalView>>.Ok(list);
    }

    public async Task<Outcome<ProposalView>> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<ProposalView>.Forbidden();
        var view = (await ViewsAsync(Visible(user).AsNoTracking().Where(p => p.Id == id), ct)).FirstOrDefault();
        if (view is null) return new Outcome<ProposalView>.NotFound();
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Read, "case-proposal", id.ToString("D"), $"child={view.ChildId:D}"), ct);
        return view;
    }

    public async Task<Outcome<ProposalView>> OpenCaseAsync(CurrentUser user, Guid id, OpenProposedCaseInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<ProposalView>.Forbidden();
        var proposal = await Visible(user).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return new Outcome<ProposalView>.NotFound();
        if (proposal.Status != ProposalStatus.Open) return Outcome<ProposalView>.Refused(CommunityErrors.ProposalDecided());
        var e = new FieldErrors();
        var risk = QueryParse.Enum<RiskLevel>(e, "risk", r.Risk);
        if (!e.IsEmpty) return new Outcome<ProposalView>.Invalid(e);
        var reason = string.IsNullOrWhiteSpace(r.Reason) ? proposal.Summary : r.Reason;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The Cases opening joins this transaction: a refused opening leaves the proposal open, an accepted one decides it.
        var opened = await cases.OpenAsync(user, new OpenCaseRequest(proposal.ChildId, reason, r.Concerns, risk, r.OwnerId, r.SupervisorId, proposal.Source), ct);
        if (opened is not Outcome<CaseView>.Ok ok)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return opened switch
            {
                Outcome<CaseView>.Invalid bad => new Outcome<ProposalView>.Invalid(bad.Errors),
                Outcome<CaseView>.Conflict c => new Outcome<ProposalView>.Conflict(c.Field, c.Message, c.Current, c.Refusal),
                Outcome<CaseView>.Forbidden => new Outcome<ProposalView>.Forbidden(),
                _ => new Outcome<ProposalView>.NotFound(),
            };
        }
        proposal.CaseOpened(ok.Value.Id, user.Id, Now);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "case-proposal", id.ToString("D"), $"case opened {ok.Value.Id:D}"), ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync(db.Set<CaseProposal>().AsNoTracking().Where(p => p.Id == id), ct)).Single();
    }

    public async Task<Outcome<ProposalView>> DeclineAsync(CurrentUser user, Guid id, DeclineInput r, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<ProposalView>.Forbidden();
        var proposal = await Visible(user).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return new Outcome<ProposalView>.NotFound();
        if (proposal.Decline(r.Reason, user.Id, Now) is { } refusal) return Outcome<ProposalView>.Refused(refusal);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "case-proposal", id.ToString("D"), "declined"), ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync(db.Set<CaseProposal>().AsNoTracking().Where(p => p.Id == id), ct)).Single();
    }

    private async Task<List<ProposalView>> ViewsAsync(IQueryable<CaseProposal> q, CancellationToken ct) =>
        [.. (await q.Join(db.Children, p => p.ChildId, c => c.Id, (p, c) => new { p, c.Surname, c.GivenName, c.Patronymic }).ToListAsync(ct))
            .Select(x => new ProposalView(x.p.Id, x.p.ChildId, $"{x.Surname} {x.GivenName} {x.Patronymic}".Trim(), x.p.DistrictCode, x.p.Source, x.p.Summary,
                x.p.Status, x.p.CaseId, x.p.DeclineReason, x.p.At))];
}
