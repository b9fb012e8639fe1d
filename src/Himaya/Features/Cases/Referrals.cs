using Himaya.Platform;
using Himaya.Features.Identity;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Cases;

public enum ReferralStep { Accept, Decline, Deliver, Complete, Cancel }

/// <summary>A service as the referral form offers it: with a child, whether it serves the child (age, sex, disability,
/// district) and why not; whether it has free places (a full service may still be asked).</summary>
public sealed record ServiceChoice(int Id, string Name, string Agency, IReadOnlyList<string> Types, IReadOnlyList<string> Districts, bool Nationwide,
    int MinAge, int MaxAge, SexEligibility Sex, bool DisabilityOnly, string? Phone, int? Capacity, int? FreePlaces, bool? ServesChild, string? WhyNot,
    [property: System.Text.Json.Serialization.JsonIgnore] Refusal? WhyNotRefusal = null);

/// <summary>
/// Closed-loop referrals. The case side (owner or supervisor) sends and may cancel; the receiving service's agency
/// accepts or declines, records delivery and completes with the outcome. Every step lands in the case's history,
/// so the sender sees it.
/// </summary>
public sealed class Referrals(AppDbContext db, AuditLog audit, AdminUnits units, CaseViews views, StepFrame frame, IOptions<CaseOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public Task<Outcome<ReferralView>> SendAsync(CurrentUser user, Guid caseId, ReferRequest r, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        Service? service = null;
        return frame.RunAsync(user, new CaseStep<OnCase, ReferralView>(Permission.WorkCases, () => frame.CaseAsync(user, caseId, ct),
            x =>
            {
                db.Referrals.Add(new Referral
                {
                    Id = id, CaseId = x.Case.Id, ServiceId = service!.Id, Reason = r.Reason!.Trim(), ConsentGiven = true, ConsentBy = r.ConsentBy!.Trim(),
                    ConsentOn = r.ConsentOn!.Value, Status = ReferralStatus.Sent, SentAt = Now, SentById = user.Id,
                    RespondBy = Now.AddDays(options.Value.ReferralResponseDays), DueOn = r.DueOn, Version = 1,
                });
                return Task.FromResult<StepResult>(new StepDone("referral-sent", service.Name));
            },
            x => x.Case.Id,
            (x, _) => new AuditEvent(AuditActions.Create, "referral", id.ToString("D"), $"case={x.Case.Id:D}; service={service!.Id}"),
            async _ => (await views.ReferralsAsync(db.Referrals.Where(x => x.Id == id), ct)).Single())
        {
            Check = async (x, e) =>
            {
                if (r.ServiceId is null) e.Add(ReferralErrors.ServiceRequired());
                else if ((service = await db.Services.AsNoTracking().Include(s => s.Districts).FirstOrDefaultAsync(s => s.Id == r.ServiceId && s.Status == ServiceStatus.Public, ct)) is null) e.Add(ReferralErrors.UnknownService());
                else if (WhyNot(service, x.Child) is { } why) e.Add(why);
                CaseRules.Text(e, "reason", r.Reason, 2000, required: true);
                if (r.ConsentGiven != true) e.Add(ReferralErrors.ConsentRequired());
                if (string.IsNullOrWhiteSpace(r.ConsentBy)) e.Add(ReferralErrors.ConsentByRequired());
                else if (r.ConsentBy.Length > 200) e.Add(PlatformErrors.TooLong("consentBy", 200));
                if (r.ConsentOn is null) e.Add(ReferralErrors.ConsentOnRequired());
                else if (r.ConsentOn > Today) e.Add(PlatformErrors.FutureDate("consentOn"));
                else if (r.ConsentOn < DateOnly.FromDateTime(x.Case.OpenedAt).AddDays(-30)) e.Add(ReferralErrors.ConsentTooOld());
                if (r.DueOn is { } due && due < Today) e.Add(ReferralErrors.DueInPast());
                return null;
            },
            Person = x => x.Case.IsWorkedOnBy(user.Id) ? null : CaseErrors.OnlyOwnerOrSupervisorRefers(),
            Open = x => x.Case.CanRefer(),
            // A referral is the case's history, not a change of the case: the case's last change stays as it was.
        }, ct);
    }

    /// <summary>
    /// A step of the loop: the receiving service's agency answers (accept, decline, deliver, complete); the case's owner
    /// or supervisor cancels. Answered with the referral as it is now; a stale version, with it as it is now too.
    /// </summary>
    public Task<Outcome<ReferralView>> StepAsync(CurrentUser user, Guid id, ReferralStep step, ReferralStepRequest r, CancellationToken ct)
    {
        var senderSide = step == ReferralStep.Cancel;
        var text = r.Text?.Trim();
        return frame.RunAsync(user, new CaseStep<ReferralOnCase, ReferralView>(senderSide ? Permission.WorkCases : Permission.RespondReferrals,
            async () =>
            {
                var referral = senderSide
                    ? await db.Referrals.FirstOrDefaultAsync(x => x.Id == id && db.Set<Case>().VisibleTo(user).Any(c => c.Id == x.CaseId), ct)
                    : await db.Referrals.AddressedTo(db.Services, user).FirstOrDefaultAsync(x => x.Id == id, ct);
                return referral is null ? null : new ReferralOnCase(referral, await db.Cases.FirstAsync(c => c.Id == referral.CaseId, ct));
            },
            async x =>
            {
                if (x.Referral.Take(step, text, Now, user.Id, r.NoCapacity == true) is { } refused) return refused;
                var service = await db.Services.FirstAsync(s => s.Id == x.Referral.ServiceId, ct);
                // Full, says the service itself: the directory stops offering free places until it says otherwise.
                if (x.Referral.DeclinedForCapacity && service.FreePlaces is not 0) service.FreePlaces = 0;
                return new StepDone("referral-" + Past(step), service.Name + (x.Referral.DeclinedForCapacity ? "; no free place" : ""), text);
            },
            x => x.Referral.CaseId,
            (_, _) => new AuditEvent(AuditActions.Update, "referral", id.ToString("D"), Past(step)),
            async _ => await ViewAsync(id, ct))
        {
            Check = (_, e) =>
            {
                if (r.Version is null) e.Add(ReferralErrors.VersionRequired());
                if (r.NoCapacity == true && step != ReferralStep.Decline) e.Add(ReferralErrors.CapacityOnlyOnDecline());
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
                return StepFrame.NoRefusal;
            },
            Person = x => !senderSide || x.Case.IsWorkedOnBy(user.Id) ? null : CaseErrors.OnlyOwnerOrSupervisorCancelsReferrals(),
            Stale = x => x.Referral.CheckVersion(r.Version!.Value),
            Current = async _ => await ViewAsync(id, ct),
            Changed = x => x.Referral.Version++,
            SavedAtSameMoment = ReferralErrors.AnsweredAtSameMoment(),
        }, ct);
    }

    private async Task<ReferralView> ViewAsync(Guid id, CancellationToken ct) => (await views.ReferralsAsync(db.Referrals.Where(x => x.Id == id), ct)).Single();

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

    /// <summary>
    /// Services that take referrals, those with free places first; with a child, each says whether it serves the child's
    /// age, sex, disability and district, and why not, and those that do come first.
    /// </summary>
    public async Task<Outcome<List<ServiceChoice>>> ServicesAsync(CurrentUser user, Guid? childId, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases) && !user.Can(Permission.RespondReferrals)) return new Outcome<List<ServiceChoice>>.Forbidden();
        Child? child = null;
        if (childId is { } cid && (child = await db.Children.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(c => c.Id == cid, ct)) is null)
            return new Outcome<List<ServiceChoice>>.NotFound();
        var services = await db.Services.AsNoTracking().Include(s => s.Types).Include(s => s.Districts).Where(s => s.Status == ServiceStatus.Public)
            .OrderBy(s => s.Name).ToListAsync(ct);
        return services.Select(s =>
        {
            var why = child is null ? null : WhyNot(s, child);
            return new ServiceChoice(s.Id, s.Name, s.Agency, [.. s.Types.Select(t => t.TypeCode).Order(StringComparer.Ordinal)],
                [.. s.Districts.Select(d => d.DistrictCode).Order(StringComparer.Ordinal)], s.Nationwide, s.MinAge, s.MaxAge, s.Sex, s.DisabilityOnly,
                s.Phone, s.Capacity, s.FreePlaces, child is null ? null : why is null, why?.Message, why);
        }).OrderBy(c => c.ServesChild == false).ThenBy(c => c.FreePlaces is 0).ToList();
    }

    /// <summary>Why a service cannot take this child (the service's own rule), as the referral's refusal, or null when it can.</summary>
    public Refusal? WhyNot(Service s, Child child)
    {
        var age = Child.AgeOn(child.BirthDate, Today);
        var inDistrict = s.Districts.Any(d => units.SelfAndDescendants(d.DistrictCode).Contains(child.DistrictCode));
        return s.Ineligibility(age, child.Sex, child.HasFunctionalDifficulty || child.OfficialDisabilityStatus == true, inDistrict) switch
        {
            null => null,
            Ineligible.Age => ReferralErrors.ServiceAges(s.Name, s.MinAge, s.MaxAge, age),
            Ineligible.Sex => ReferralErrors.ServiceSex(s.Name),
            Ineligible.Disability => ReferralErrors.ServiceDisability(s.Name),
            Ineligible.District => ReferralErrors.ServiceArea(s.Name, new PlaceName(units, child.DistrictCode)),
            _ => ReferralErrors.UnknownService(),
        };
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

/// <summary>A referral the caller may answer (or, the sender, cancel), with the case it was sent from.</summary>
public sealed record ReferralOnCase(Referral Referral, Case Case);
