using System.Globalization;
using System.Text.Json;
using Himaya.Features.Cases;
using Himaya.Platform;
using Himaya.Features.Registry;
using Himaya.Features.Services;
using Npgsql;
using NpgsqlTypes;

namespace Himaya.Bench;

/// <summary>
/// Generates the bench case load (<see cref="BenchCases"/>) in memory, as the product's own entities, and writes it with
/// binary COPY. Stages, risks, deadlines and approvals follow the product's rules (<see cref="CaseWork"/>): each stage's
/// steps happened in order, with the deadlines the options give, so a share of them is overdue as in real work.
/// Shares of open cases: initial assessment 9%, comprehensive 15%, plan 11% (four in ten waiting for approval),
/// implementation 34%, follow-up 31%; 8% of those in implementation or follow-up wait for closure approval. A fifth of
/// all cases are closed.
/// </summary>
internal sealed class CaseGenerator
{
    public List<Case> Cases { get; } = [];
    public List<CaseEvent> Events { get; } = [];
    public List<CaseNote> Notes { get; } = [];
    public List<CaseAssessment> Assessments { get; } = [];
    public List<CasePlanAction> Actions { get; } = [];
    public List<Referral> Referrals { get; } = [];

    private readonly Random _rng;
    private readonly DateTime _now;
    private readonly DateOnly _today;
    private readonly Dictionary<int, int> _yearSeq;
    private readonly Dictionary<string, List<BenchCases.Staff>> _workers;
    private readonly Dictionary<int, int> _supervisorOf = [];
    private readonly Dictionary<string, List<Service>> _servicesFor = new(StringComparer.Ordinal);
    private readonly List<Service> _services;
    private readonly AdminUnits _units;

    public CaseGenerator(Random rng, List<BenchCases.Staff> staff, List<Service> services, AdminUnits units, DateTime now, Dictionary<int, int> yearSeq)
    {
        (_rng, _now, _today, _yearSeq, _services, _units) = (rng, now, DateOnly.FromDateTime(now), yearSeq, services, units);
        _workers = staff.Where(s => s.Role == Himaya.Platform.Roles.SocialWorker).GroupBy(s => s.District, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.UserName, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var supervisors = staff.Where(s => s.Role == Himaya.Platform.Roles.Supervisor).GroupBy(s => s.District, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.UserName, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        // Teams of eight in name order: worker k of a district reports to supervisor k / 8.
        foreach (var (district, ws) in _workers)
            for (var k = 0; k < ws.Count; k++)
                _supervisorOf[ws[k].Id] = supervisors[district][Math.Min(k / 8, supervisors[district].Count - 1)].Id;
    }

    private double U(double a, double b) => a + (_rng.NextDouble() * (b - a));
    private static TimeSpan Days(double d) => TimeSpan.FromDays(d);
    private T Pick<T>(IReadOnlyList<T> xs) => xs[_rng.Next(xs.Count)];

    private static readonly string[] Reasons =
    [
        "Report from the school: repeated absences and signs of neglect at home.",
        "Hotline call from a neighbour about violence in the household.",
        "Referred by the polyclinic: child not immunised, family without documents.",
        "Child found working at the market during school hours.",
        "Mother hospitalised; children left with an elderly relative who cannot cope.",
        "Outreach visit from the most-deprived list: no birth certificate, out of school.",
        "Police referral after the child was found on the street at night.",
        "Teacher's concern about the child's withdrawal and injuries.",
        "Family displaced, living in one room without heating; child with a disability without support.",
        "Early marriage planned for a 15-year-old girl, reported by a relative.",
    ];
    private static readonly string[] NoteTexts =
    [
        "Home visit: mother at home, children fed and clean; discussed school attendance and the plan.",
        "Phone call with the class teacher: attendance improved to four days a week.",
        "Met the family at the centre; father agreed to attend the parenting sessions.",
        "Child seen alone: says things are calmer at home, sleeps better.",
        "Accompanied the mother to the registry office for the birth certificate application.",
        "TSA application submitted with the family; decision expected within a month.",
        "Case conference with the school psychologist and the polyclinic paediatrician.",
        "Unannounced visit: nobody at home; neighbour says the family went to relatives for a week.",
        "Psychosocial session attended; child drew the family and talked about the grandmother.",
        "Discussed safety plan with the grandmother; she has the hotline number.",
        "Ev ziyarəti: uşaq məktəbə gedir, ana ilə plan müzakirə olundu.",
        "Телефонный звонок матери: ребёнок ходит на занятия в реабилитационный центр.",
    ];
    private static readonly string[] Goals =
    [
        "The child attends school every day", "The child has a birth certificate and ID", "The family receives the social assistance it is entitled to",
        "The child is safe from violence at home", "The child receives rehabilitation for the disability", "The parents use positive discipline",
    ];
    private static readonly string[] ActionTexts =
    [
        "Weekly check with the school on attendance", "Accompany the family to the registry office", "Help the family apply for TSA",
        "Refer to psychosocial support", "Enrol in the rehabilitation centre's programme", "Parenting sessions at the centre, eight weeks",
    ];
    private static readonly string[] Responsible = ["Social worker", "School", "Mother", "Rehabilitation centre", "Polyclinic", "Father"];
    private static readonly string[] Concerns = ["neglect", "neglect", "neglect", "domestic-violence", "physical-abuse", "emotional-abuse", "out-of-school", "out-of-school",
        "child-labour", "disability-exclusion", "separated", "street", "child-marriage", "mental-health", "sexual-abuse", "in-conflict-with-law"];
    private static readonly NoteKind[] NoteKinds = [NoteKind.HomeVisit, NoteKind.HomeVisit, NoteKind.HomeVisit, NoteKind.PhoneCall, NoteKind.PhoneCall, NoteKind.Note,
        NoteKind.Note, NoteKind.Meeting, NoteKind.ServiceDelivered, NoteKind.MhpssSession];

    public void Add(Guid childId, string district, DateOnly birth, bool difficulty)
    {
        var owner = Pick(_workers[district]);
        var supervisorId = _supervisorOf[owner.Id];
        var r = _rng.NextDouble();
        var risk = r < 0.15 ? RiskLevel.High : r < 0.60 ? RiskLevel.Medium : RiskLevel.Low;
        var window = TimeSpan.FromHours(risk switch { RiskLevel.High => 24, RiskLevel.Medium => 72, _ => 168 });
        var u = _rng.NextDouble();
        var stage = u < 0.20 ? CaseStage.Closed : u < 0.27 ? CaseStage.InitialAssessment : u < 0.39 ? CaseStage.ComprehensiveAssessment
            : u < 0.48 ? CaseStage.CasePlan : u < 0.75 ? CaseStage.Implementation : CaseStage.FollowUp;

        DateTime opened;
        DateTime? tI = null, tC = null, tS = null, tA = null, closedAt = null, closureAsked = null, due = null;
        DateOnly? nextReview = null;
        var reviews = new List<DateTime>();
        var pending = PendingApproval.None;
        switch (stage)
        {
            case CaseStage.InitialAssessment:
                opened = _now - (window * U(0, 1.3));
                due = opened + window;
                break;
            case CaseStage.ComprehensiveAssessment:
                tI = _now - Days(U(0, 36));
                opened = tI.Value - (window * U(0.1, 1));
                due = tI + Days(30);
                break;
            case CaseStage.CasePlan:
                tC = _now - Days(U(0, 17));
                tI = tC - Days(U(10, 30));
                opened = tI.Value - (window * U(0.1, 1));
                due = tC + Days(14);
                if (_rng.NextDouble() < 0.4) { pending = PendingApproval.Plan; tS = tC + ((_now - tC.Value) * U(0, 1)); }
                break;
            case CaseStage.Implementation or CaseStage.FollowUp:
                if (stage == CaseStage.Implementation)
                {
                    tA = _now - Days(U(0, 100));
                    nextReview = DateOnly.FromDateTime(tA.Value.AddMonths(3));
                }
                else
                {
                    tA = _now - Days(U(100, 900));
                    var last = _now - Days(U(0, 103));
                    if (last < tA.Value + Days(60)) last = tA.Value + Days(60);
                    var n = Math.Max(1, (int)((last - tA.Value).TotalDays / 90));
                    for (var k = 1; k < n; k++) reviews.Add(tA.Value + ((last - tA.Value) * k / n));
                    reviews.Add(last);
                    nextReview = DateOnly.FromDateTime(last.AddMonths(3));
                }
                tS = tA - Days(U(1, 7));
                tC = tS - Days(U(3, 14));
                tI = tC - Days(U(10, 30));
                opened = tI.Value - (window * U(0.1, 1));
                if (_rng.NextDouble() < 0.08)
                {
                    pending = PendingApproval.Closure;
                    var after = reviews.Count > 0 ? reviews[^1] : tA.Value;
                    closureAsked = after + ((_now - after) * U(0.5, 1));
                }
                break;
            default: // closed
                closedAt = _now - Days(U(1, 700));
                opened = closedAt.Value - Days(U(70, 500));
                tI = opened + (window * U(0.1, 1));
                tC = tI + Days(U(10, 30));
                tS = tC + Days(U(3, 14));
                tA = tS + Days(U(1, 7));
                closureAsked = closedAt - Days(U(0, 5));
                for (var t = tA.Value.AddDays(90); t < closureAsked; t = t.AddDays(90)) reviews.Add(t);
                break;
        }

        var year = opened.Year;
        var seq = _yearSeq[year] = _yearSeq.GetValueOrDefault(year) + 1;
        var c = new Case
        {
            Id = DeterministicGuid(), Number = string.Create(CultureInfo.InvariantCulture, $"{year}-{seq:D6}"), ChildId = childId, DistrictCode = district,
            Agency = owner.Agency, OwnerId = owner.Id, SupervisorId = supervisorId, Stage = stage, Risk = risk, Pending = pending,
            Reason = Pick(Reasons), Concerns = string.Join(',', Enumerable.Range(0, 1 + _rng.Next(3)).Select(_ => Pick(Concerns)).Distinct()),
            OpenedFrom = r < 0.9 ? (_rng.NextDouble() < 0.8 ? "child" : "referral") : "most-deprived",
            OpenedAt = opened, OpenedById = owner.Id, DueAt = due, NextReviewOn = nextReview, ClosedAt = closedAt,
            UpdatedAt = opened, UpdatedById = owner.Id, Version = 1,
        };
        var age = Child.AgeOn(birth, _today);
        Cases.Add(c);
        Event(c, opened, owner.Id, "opened", $"risk={risk}; from={c.OpenedFrom}", versioned: false);
        if (tI is { } ti)
        {
            Assess(c, AssessmentKind.Initial, ti, owner.Id, new { summary = "Child seen at home with the mother; concerns confirmed, no immediate danger.", childSafe = true, risk = risk.ToString() });
            Event(c, ti, owner.Id, "initial-assessment", $"risk={risk}; safe=True");
        }
        if (tC is { } tc)
        {
            Assess(c, AssessmentKind.Comprehensive, tc, owner.Id, new
            {
                familySituation = "Five people in two rooms; father works seasonally abroad; grandmother helps.",
                wellbeing = CaseCodes.WellbeingDomains.ToDictionary(d => d, _ => 1 + _rng.Next(4)),
                functioning = difficulty ? "Difficulty walking; uses a wheelchair outside the home." : null,
                risks = "Neglect when the mother works night shifts.", strengths = "Close bond with the grandmother; attends school.",
            });
            Event(c, tc, owner.Id, "comprehensive-assessment", null);
        }
        if (tS is { } ts)
        {
            var n = 2 + _rng.Next(3);
            for (var i = 0; i < n; i++)
            {
                var dueOn = DateOnly.FromDateTime(ts).AddDays((int)U(30, 180));
                Actions.Add(new CasePlanAction
                {
                    CaseId = c.Id, Position = i, Goal = Pick(Goals), Action = Pick(ActionTexts), Responsible = Pick(Responsible), DueOn = dueOn,
                    Done = _rng.NextDouble() < (dueOn < _today ? 0.7 : 0.15),
                });
            }
            if (difficulty)
            {
                c.IndividualCarePlan = true;
                c.CarePlanDomains = string.Join(',', CaseCodes.CarePlanDomains.Where(_ => _rng.NextDouble() < 0.4).DefaultIfEmpty("health"));
                c.ReviewCycleMonths = 3;
            }
            Event(c, ts, owner.Id, "plan-submitted", $"{n} actions{(c.IndividualCarePlan ? "; individual care plan" : "")}");
        }
        if (tA is { } ta) Event(c, ta, supervisorId, "plan-approved", $"next review {DateOnly.FromDateTime(ta.AddMonths(3)):yyyy-MM-dd}");
        for (var i = 0; i < reviews.Count; i++)
        {
            var next = i + 1 < reviews.Count ? reviews[i + 1] : reviews[i].AddMonths(3);
            Assess(c, AssessmentKind.Review, reviews[i], owner.Id, new { progress = "Attendance regular; family follows the plan; two actions done.", nextReviewOn = DateOnly.FromDateTime(next) });
            Event(c, reviews[i], owner.Id, "review", $"next review {DateOnly.FromDateTime(next):yyyy-MM-dd}");
        }

        var end = closedAt ?? _now;
        var terminalOnly = stage == CaseStage.Closed || pending == PendingApproval.Closure;
        if (tA is { } from && stage is CaseStage.Implementation or CaseStage.FollowUp or CaseStage.Closed)
        {
            var x = _rng.NextDouble();
            var count = x < 0.10 ? 2 : x < 0.45 ? 1 : 0;
            for (var i = 0; i < count; i++) Refer(c, owner.Id, district, age, from, closureAsked ?? end, terminalOnly);
        }

        var span = (end - opened).TotalDays;
        var notes = Math.Min(12, (int)(span / 45 * U(0.5, 1.5)) + (_rng.NextDouble() < 0.5 ? 1 : 0));
        for (var i = 0; i < notes; i++)
        {
            var at = opened + ((end - opened) * U(0.02, 1));
            var note = new CaseNote
            {
                Id = DeterministicGuid(), CaseId = c.Id, Kind = Pick(NoteKinds), On = DateOnly.FromDateTime(at), Text = Pick(NoteTexts),
                Sensitive = _rng.NextDouble() < 0.1, At = at, ById = _rng.NextDouble() < 0.9 ? owner.Id : supervisorId,
            };
            Notes.Add(note);
            Event(c, at, note.ById, "note", $"{note.Kind}{(note.Sensitive ? "; sensitive" : "")}", versioned: false);
        }

        if (closureAsked is { } ca)
        {
            c.ClosureReason = stage == CaseStage.Closed || _rng.NextDouble() < 0.6 ? Pick(CaseCodes.ClosureReasons) : "goals-achieved";
            c.ClosureOutcome = "Goals of the plan reached; the family manages without case work.";
            Event(c, ca, owner.Id, "closure-requested", c.ClosureReason);
        }
        if (closedAt is { } cl)
        {
            Event(c, cl, supervisorId, "closed", c.ClosureReason);
            c.NextReviewOn = null;
        }
    }

    private void Refer(Case c, int ownerId, string district, int age, DateTime from, DateTime end, bool terminalOnly)
    {
        var candidates = ServicesFor(district).Where(s => age >= s.MinAge && age <= s.MaxAge).ToList();
        if (candidates.Count == 0 || end <= from) return;
        var service = Pick(candidates);
        var x = _rng.NextDouble();
        var status = terminalOnly
            ? x < 0.6 ? ReferralStatus.Completed : x < 0.85 ? ReferralStatus.Declined : ReferralStatus.Cancelled
            : x < 0.15 ? ReferralStatus.Sent : x < 0.40 ? ReferralStatus.Accepted : x < 0.55 ? ReferralStatus.Delivered
            : x < 0.85 ? ReferralStatus.Completed : x < 0.95 ? ReferralStatus.Declined : ReferralStatus.Cancelled;
        // Open referrals are recent: one waiting for an answer was sent in the last days (a quarter are past the three-day
        // answer time), one accepted or being delivered in the last weeks (about one in six is past its due date).
        var recent = status switch { ReferralStatus.Sent => 4.0, ReferralStatus.Accepted => 45, ReferralStatus.Delivered => 60, _ => 0 };
        var sent = recent > 0 ? _now - Days(U(0, Math.Min(recent, (_now - from).TotalDays))) : from + ((end - from) * U(0, 0.8));
        var r = new Referral
        {
            Id = DeterministicGuid(), CaseId = c.Id, ServiceId = service.Id, Reason = "Needs " + (service.Types.FirstOrDefault()?.TypeCode ?? "social-work") + " support agreed in the plan.",
            ConsentGiven = true, ConsentBy = "Mother", ConsentOn = DateOnly.FromDateTime(sent), Status = status, SentAt = sent, SentById = ownerId,
            RespondBy = sent.AddDays(3), DueOn = DateOnly.FromDateTime(sent.AddDays((int)U(14, 60))), Version = 1,
        };
        var respond = sent + Days(U(0.1, 3));
        if (respond > _now) respond = sent + ((_now - sent) / 2);
        DateTime Past(DateTime t) => t > _now ? _now : t;
        switch (status)
        {
            case ReferralStatus.Accepted: (r.RespondedAt, r.Version) = (respond, 2); break;
            case ReferralStatus.Delivered: (r.RespondedAt, r.DeliveredAt, r.DeliveryNote, r.Version) = (respond, Past(respond + Days(U(3, 20))), "Sessions started.", 3); break;
            case ReferralStatus.Completed: (r.RespondedAt, r.DeliveredAt, r.DeliveryNote, r.Outcome, r.CompletedAt, r.Version) = (respond, Past(respond + Days(5)), "Eight sessions held.", "Completed as planned.", Past(respond + Days(U(10, 40))), 4); break;
            case ReferralStatus.Declined: (r.RespondedAt, r.DeclineReason, r.Version) = (respond, "No places until next quarter.", 2); break;
            case ReferralStatus.Cancelled: (r.Outcome, r.CompletedAt, r.Version) = ("The family moved to another district.", respond, 2); break;
        }
        Referrals.Add(r);
        Event(c, sent, ownerId, "referral-sent", service.Name, versioned: false);
        if (status == ReferralStatus.Cancelled) Event(c, respond, ownerId, "referral-cancelled", service.Name, versioned: false);
    }

    private List<Service> ServicesFor(string district)
    {
        if (_servicesFor.TryGetValue(district, out var list)) return list;
        list = [.. _services.Where(s => s.Nationwide || s.Districts.Any(d => _units.SelfAndDescendants(d.DistrictCode).Contains(district)))];
        _servicesFor[district] = list;
        return list;
    }

    private void Assess(Case c, AssessmentKind kind, DateTime at, int by, object content) =>
        Assessments.Add(new CaseAssessment { CaseId = c.Id, Kind = kind, At = at, ById = by, Content = JsonSerializer.Serialize(content, Json.Options) });

    /// <summary>A history event; steps that change the case (not notes, not referrals) count in its version, as in <see cref="CaseWork"/>.</summary>
    private void Event(Case c, DateTime at, int by, string kind, string? detail, bool versioned = true)
    {
        Events.Add(new CaseEvent { CaseId = c.Id, At = at, ById = by, Kind = kind, Detail = detail });
        if (versioned) c.Version++;
        if (at >= c.UpdatedAt) (c.UpdatedAt, c.UpdatedById) = (at, by);
    }

    private Guid DeterministicGuid()
    {
        Span<byte> b = stackalloc byte[16];
        _rng.NextBytes(b);
        b[7] = (byte)((b[7] & 0x0F) | 0x40); // version 4 layout, random from the seed
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b);
    }

    // ------------------------------------------------------------------ COPY

    public async Task CopyAsync(NpgsqlConnection conn)
    {
        await Copy(conn, "cases", "id, number, child_id, district_code, agency, owner_id, supervisor_id, stage, risk, pending, reason, concerns, opened_from, " +
            "outreach_task_id, opened_at, opened_by_id, due_at, next_review_on, individual_care_plan, care_plan_domains, review_cycle_months, closure_reason, " +
            "closure_outcome, closed_at, updated_at, updated_by_id, version", Cases, async (w, c) =>
        {
            await w.WriteAsync(c.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(c.Number, NpgsqlDbType.Varchar);
            await w.WriteAsync(c.ChildId, NpgsqlDbType.Uuid);
            await w.WriteAsync(c.DistrictCode, NpgsqlDbType.Varchar);
            await w.WriteAsync(c.Agency, NpgsqlDbType.Varchar);
            await w.WriteAsync(c.OwnerId, NpgsqlDbType.Integer);
            await w.WriteAsync(c.SupervisorId, NpgsqlDbType.Integer);
            await w.WriteAsync(c.Stage.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(c.Risk.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(c.Pending.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(c.Reason, NpgsqlDbType.Varchar);
            await w.WriteAsync(c.Concerns, NpgsqlDbType.Varchar);
            await w.WriteAsync(c.OpenedFrom, NpgsqlDbType.Varchar);
            await w.WriteNullAsync();
            await w.WriteAsync(c.OpenedAt, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(c.OpenedById, NpgsqlDbType.Integer);
            await Maybe(w, c.DueAt, NpgsqlDbType.TimestampTz);
            await Maybe(w, c.NextReviewOn, NpgsqlDbType.Date);
            await w.WriteAsync(c.IndividualCarePlan, NpgsqlDbType.Boolean);
            await w.WriteAsync(c.CarePlanDomains, NpgsqlDbType.Varchar);
            await Maybe(w, c.ReviewCycleMonths, NpgsqlDbType.Integer);
            await Maybe(w, c.ClosureReason, NpgsqlDbType.Varchar);
            await Maybe(w, c.ClosureOutcome, NpgsqlDbType.Varchar);
            await Maybe(w, c.ClosedAt, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(c.UpdatedAt, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(c.UpdatedById, NpgsqlDbType.Integer);
            await w.WriteAsync(c.Version, NpgsqlDbType.Integer);
        });
        await Copy(conn, "case_events", "case_id, at, by_id, kind, detail, comment", Events, async (w, e) =>
        {
            await w.WriteAsync(e.CaseId, NpgsqlDbType.Uuid);
            await w.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(e.ById, NpgsqlDbType.Integer);
            await w.WriteAsync(e.Kind, NpgsqlDbType.Varchar);
            await Maybe(w, e.Detail, NpgsqlDbType.Varchar);
            await Maybe(w, e.Comment, NpgsqlDbType.Varchar);
        });
        await Copy(conn, "case_notes", "id, case_id, kind, \"on\", text, sensitive, at, by_id", Notes, async (w, n) =>
        {
            await w.WriteAsync(n.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(n.CaseId, NpgsqlDbType.Uuid);
            await w.WriteAsync(n.Kind.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(n.On, NpgsqlDbType.Date);
            await w.WriteAsync(n.Text, NpgsqlDbType.Varchar);
            await w.WriteAsync(n.Sensitive, NpgsqlDbType.Boolean);
            await w.WriteAsync(n.At, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(n.ById, NpgsqlDbType.Integer);
        });
        await Copy(conn, "case_assessments", "case_id, kind, content, at, by_id", Assessments, async (w, a) =>
        {
            await w.WriteAsync(a.CaseId, NpgsqlDbType.Uuid);
            await w.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(a.Content, NpgsqlDbType.Text);
            await w.WriteAsync(a.At, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(a.ById, NpgsqlDbType.Integer);
        });
        await Copy(conn, "case_plan_actions", "case_id, position, goal, action, responsible, due_on, done", Actions, async (w, a) =>
        {
            await w.WriteAsync(a.CaseId, NpgsqlDbType.Uuid);
            await w.WriteAsync(a.Position, NpgsqlDbType.Integer);
            await w.WriteAsync(a.Goal, NpgsqlDbType.Varchar);
            await w.WriteAsync(a.Action, NpgsqlDbType.Varchar);
            await w.WriteAsync(a.Responsible, NpgsqlDbType.Varchar);
            await w.WriteAsync(a.DueOn, NpgsqlDbType.Date);
            await w.WriteAsync(a.Done, NpgsqlDbType.Boolean);
        });
        await Copy(conn, "referrals", "id, case_id, service_id, reason, consent_given, consent_by, consent_on, status, sent_at, sent_by_id, respond_by, due_on, " +
            "decline_reason, responded_at, responded_by_id, delivery_note, delivered_at, outcome, completed_at, version", Referrals, async (w, r) =>
        {
            await w.WriteAsync(r.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(r.CaseId, NpgsqlDbType.Uuid);
            await w.WriteAsync(r.ServiceId, NpgsqlDbType.Integer);
            await w.WriteAsync(r.Reason, NpgsqlDbType.Varchar);
            await w.WriteAsync(r.ConsentGiven, NpgsqlDbType.Boolean);
            await w.WriteAsync(r.ConsentBy, NpgsqlDbType.Varchar);
            await w.WriteAsync(r.ConsentOn, NpgsqlDbType.Date);
            await w.WriteAsync(r.Status.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(r.SentAt, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(r.SentById, NpgsqlDbType.Integer);
            await w.WriteAsync(r.RespondBy, NpgsqlDbType.TimestampTz);
            await Maybe(w, r.DueOn, NpgsqlDbType.Date);
            await Maybe(w, r.DeclineReason, NpgsqlDbType.Varchar);
            await Maybe(w, r.RespondedAt, NpgsqlDbType.TimestampTz);
            await Maybe(w, r.RespondedById, NpgsqlDbType.Integer);
            await Maybe(w, r.DeliveryNote, NpgsqlDbType.Varchar);
            await Maybe(w, r.DeliveredAt, NpgsqlDbType.TimestampTz);
            await Maybe(w, r.Outcome, NpgsqlDbType.Varchar);
            await Maybe(w, r.CompletedAt, NpgsqlDbType.TimestampTz);
            await w.WriteAsync(r.Version, NpgsqlDbType.Integer);
        });
    }

    private static async Task Copy<T>(NpgsqlConnection conn, string table, string columns, List<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using (var w = await conn.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)"))
        {
            // The end of a COPY runs the foreign-key checks of every row: longer than the default 30 s on a busy machine.
            w.Timeout = TimeSpan.FromMinutes(15);
            foreach (var row in rows)
            {
                await w.StartRowAsync();
                await write(w, row);
            }
            await w.CompleteAsync();
        }
        Console.WriteLine($"    {table}: {rows.Count:N0} rows in {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static Task Maybe<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : class =>
        value is null ? w.WriteNullAsync() : w.WriteAsync(value, type);

    private static Task Maybe<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? w.WriteAsync(v, type) : w.WriteNullAsync();
}
