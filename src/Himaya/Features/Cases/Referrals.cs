using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Cases;

public enum ReferralStep { Accept, Decline, Deliver, Complete, Cancel }

public sealed record ServiceView(int Id, string Name, ServiceKind Kind, string Agency, int MinAge, int MaxAge, IReadOnlyList<string> Areas, string? Contact,
    bool? ServesChild, string? WhyNot);

/// <summary>
/// Closed-loop referrals. The case side (owner or supervisor) sends and may cancel; the receiving service's agency
/// accepts or declines, records delivery and completes with the outcome. Every step lands in the case's history,
/// so the sender sees it.
/// </summary>
public sealed class Referrals(AppDbContext db, AuditLog audit, AdminUnits units, CaseViews views, IOptions<CaseOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<Outcome<ReferralView>> SendAsync(CurrentUser user, Guid caseId, ReferRequest r, CancellationToken ct)
    {
        if (!user.Can(Permission.WorkCases)) return new Outcome<ReferralView>.Forbidden();
        var c = await db.Cases.VisibleTo(user).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return new Outcome<ReferralView>.NotFound();
        var child = await db.Children.AsNoTracking().FirstAsync(x => x.Id == c.ChildId, ct);
        var e = new FieldErrors();
        Service? service = null;
        if (r.ServiceId is null) e.Add(ReferralErrors.ServiceRequired());
        else if ((service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == r.ServiceId && s.Active, ct)) is null) e.Add(ReferralErrors.UnknownService());
        else if (WhyNot(service, child) is { } why) e.Add(why);
        CaseRules.Text(e, "reason", r.Reason, 2000, required: true);
        if (r.ConsentGiven != true) e.Add(ReferralErrors.ConsentRequired());
        if (string.IsNullOrWhiteSpace(r.ConsentBy)) e.Add(ReferralErrors.ConsentByRequired());
        else if (r.ConsentBy.Length > 200) e.Add(PlatformErrors.TooLong("consentBy", 200));
        if (r.ConsentOn is null) e.Add(ReferralErrors.ConsentOnRequired());
        else if (r.ConsentOn > Today) e.Add(PlatformErrors.FutureDate("consentOn"));
        else if (r.ConsentOn < DateOnly.FromDateTime(c.OpenedAt).AddDays(-30)) e.Add(ReferralErrors.ConsentTooOld());
        if (r.DueOn is { } due && due < Today) e.Add(ReferralErrors.DueInPast());
        if (!e.IsEmpty) return new Outcome<ReferralView>.Invalid(e);
        if (user.Id != c.OwnerId && user.Id != c.SupervisorId) return new Outcome<ReferralView>.Forbidden(CaseErrors.OnlyOwnerOrSupervisorRefers().Message);
        if (c.Stage == CaseStage.Closed) return Outcome<ReferralView>.Refused(CaseErrors.ClosedNoReferral());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, ServiceId = service!.Id, Reason = r.Reason!.Trim(), ConsentGiven = true, ConsentBy = r.ConsentBy!.Trim(),
            ConsentOn = r.ConsentOn!.Value, Status = ReferralStatus.Sent, SentAt = Now, SentById = user.Id,
            RespondBy = Now.AddDays(options.Value.ReferralResponseDays), DueOn = r.DueOn, Version = 1,
        };
        db.Referrals.Add(referral);
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = Now, ById = user.Id, Kind = "referral-sent", Detail = service.Name });
        await db.SaveChangesAsync(ct);
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Create, "referral", referral.Id.ToString("D"), $"case={c.Id:D}; service={service.Id}"), ct);
        await tx.CommitAsync(ct);
        return (await views.ReferralsAsync(db.Referrals.Where(x => x.Id == referral.Id), ct)).Single();
    }

    public async Task<Outcome<ReferralView>> StepAsync(CurrentUser user, Guid id, ReferralStep step, ReferralStepRequest r, CancellationToken ct)
    {
        var senderSide = step == ReferralStep.Cancel;
        if (!user.Can(senderSide ? Permission.WorkCases : Permission.RespondReferrals)) return new Outcome<ReferralView>.Forbidden();
        var referral = senderSide
            ? await db.Referrals.FirstOrDefaultAsync(x => x.Id == id && db.Set<Case>().VisibleTo(user).Any(c => c.Id == x.CaseId), ct)
            : await db.Referrals.AddressedTo(db.Services, user).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (referral is null) return new Outcome<ReferralView>.NotFound();
        var e = new FieldErrors();
        if (r.Version is null) e.Add(ReferralErrors.VersionRequired());
        var missing = step switch
        {
            ReferralStep.Decline => ReferralErrors.DeclineReasonRequired(),
            ReferralStep.Deliver => ReferralErrors.DeliveryRequired(),
            ReferralStep.Complete => ReferralErrors.OutcomeRequired(),
            ReferralStep.Cancel => ReferralErrors.CancelReasonRequired(),
            _ => null,
        };
        if (missing is not null && string.IsNullOrWhiteSpace(r.Text)) e.Add(missing);
        else if (r.Text is { Length: > 2000 }) e.Add(PlatformErrors.TooLong("text", 2000));
        if (!e.IsEmpty) return new Outcome<ReferralView>.Invalid(e);
        var @case = await db.Cases.FirstAsync(c => c.Id == referral.CaseId, ct);
        if (senderSide && user.Id != @case.OwnerId && user.Id != @case.SupervisorId)
            return new Outcome<ReferralView>.Forbidden(CaseErrors.OnlyOwnerOrSupervisorCancelsReferrals().Message);
        if (r.Version != referral.Version)
            return Outcome<ReferralView>.Refused(ReferralErrors.ChangedSince(r.Version ?? 0, referral.Version),
                (await views.ReferralsAsync(db.Referrals.Where(x => x.Id == id), ct)).Single());
        ReferralStatus[] from = step switch
        {
            ReferralStep.Accept or ReferralStep.Decline => [ReferralStatus.Sent],
            ReferralStep.Deliver or ReferralStep.Complete => [ReferralStatus.Accepted, ReferralStatus.Delivered],
            _ => [ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Delivered],
        };
        if (!from.Contains(referral.Status))
            return Outcome<ReferralView>.Refused(ReferralErrors.StepNotAllowed(referral.Status, step));

        var text = r.Text?.Trim();
        switch (step)
        {
            case ReferralStep.Accept: (referral.Status, referral.RespondedAt, referral.RespondedById) = (ReferralStatus.Accepted, Now, user.Id); break;
            case ReferralStep.Decline: (referral.Status, referral.RespondedAt, referral.RespondedById, referral.DeclineReason) = (ReferralStatus.Declined, Now, user.Id, text); break;
            case ReferralStep.Deliver:
                (referral.Status, referral.DeliveredAt) = (ReferralStatus.Delivered, Now);
                referral.DeliveryNote = referral.DeliveryNote is null ? text : $"{referral.DeliveryNote}\n{Today:yyyy-MM-dd}: {text}";
                if (referral.DeliveryNote!.Length > 4000) referral.DeliveryNote = referral.DeliveryNote[^4000..];
                break;
            case ReferralStep.Complete: (referral.Status, referral.Outcome, referral.CompletedAt) = (ReferralStatus.Completed, text, Now); break;
            case ReferralStep.Cancel: (referral.Status, referral.Outcome, referral.CompletedAt) = (ReferralStatus.Cancelled, text, Now); break;
        }
        referral.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var service = await db.Services.AsNoTracking().Where(s => s.Id == referral.ServiceId).Select(s => s.Name).FirstAsync(ct);
        db.CaseEvents.Add(new CaseEvent { CaseId = referral.CaseId, At = Now, ById = user.Id, Kind = "referral-" + Past(step), Detail = service, Comment = text });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<ReferralView>.Refused(ReferralErrors.AnsweredAtSameMoment(),
                (await views.ReferralsAsync(db.Referrals.Where(x => x.Id == id), ct)).Single());
        }
        await audit.RecordInTransactionAsync(user, new AuditEvent(AuditActions.Update, "referral", id.ToString("D"), Past(step)), ct);
        await tx.CommitAsync(ct);
        return (await views.ReferralsAsync(db.Referrals.Where(x => x.Id == id), ct)).Single();
    }

    /// <summary>Incoming: referrals to a service of the user's agency. Sent: referrals from cases the user may see.</summary>
    public async Task<Outcome<List<ReferralView>>> ListAsync(CurrentUser user, string box, ReferralStatus? status, CancellationToken ct)
    {
        IQueryable<Referral> q;
        if (box == "incoming")
        {
            if (!user.Can(Permission.RespondReferrals)) return new Outcome<List<ReferralView>>.Forbidden();
            q = db.Referrals.AddressedTo(db.Services, user);
        }
        else if (box == "sent")
        {
            if (!user.Can(Permission.ReadCases)) return new Outcome<List<ReferralView>>.Forbidden();
            q = db.Referrals.Where(x => db.Set<Case>().VisibleTo(user).Any(c => c.Id == x.CaseId));
        }
        else return Outcome<List<ReferralView>>.Refused(ReferralErrors.Box());
        if (status is { } s) q = q.Where(x => x.Status == s);
        var items = await views.ReferralsAsync(q, ct);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Search, "referral", null, $"box={box}; status={status}; ids={string.Join(',', items.Select(i => i.Id.ToString("N")))}"), ct);
        return items;
    }

    /// <summary>Active services; with a child, each says whether it serves the child's age and district, and why not.</summary>
    public async Task<Outcome<List<ServiceView>>> ServicesAsync(CurrentUser user, Guid? childId, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases) && !user.Can(Permission.RespondReferrals)) return new Outcome<List<ServiceView>>.Forbidden();
        Child? child = null;
        if (childId is { } cid && (child = await db.Children.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(c => c.Id == cid, ct)) is null)
            return new Outcome<List<ServiceView>>.NotFound();
        var services = await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(ct);
        return services.Select(s =>
        {
            var why = child is null ? null : WhyNot(s, child);
            return new ServiceView(s.Id, s.Name, s.Kind, s.Agency, s.MinAge, s.MaxAge, s.Areas.Split(',', StringSplitOptions.RemoveEmptyEntries), s.Contact,
                child is null ? null : why is null, why?.Message);
        }).ToList();
    }

    /// <summary>Why a service cannot take this child (age, district), or null when it can.</summary>
    public Refusal? WhyNot(Service s, Child child)
    {
        var age = Child.AgeOn(child.BirthDate, Today);
        if (age < s.MinAge || age > s.MaxAge) return ReferralErrors.ServiceAges(s.Name, s.MinAge, s.MaxAge, age);
        var areas = s.Areas.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (areas.Length > 0 && !areas.Any(a => units.SelfAndDescendants(a).Contains(child.DistrictCode)))
            return ReferralErrors.ServiceArea(s.Name, new PlaceName(units, child.DistrictCode));
        return null;
    }

    internal static string Past(ReferralStep step) => step switch
    {
        ReferralStep.Accept => "accepted",
        ReferralStep.Decline => "declined",
        ReferralStep.Deliver => "delivered",
        ReferralStep.Complete => "completed",
        _ => "cancelled",
    };
}
