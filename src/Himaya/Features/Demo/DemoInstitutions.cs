using Himaya.Features.Institutions;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// A small, invented register (no real institution is named): three in Ganja, one in Shirvan, one detention centre in
/// Baku; and one reported visit to the Ganja children's home by the demo monitor, with two recommendations, one of which
/// the Ganja coordinator says is implemented and awaits verification.
/// </summary>
public static class DemoInstitutions
{
    public const string GanjaHome = "Gəncə şəhər 1 nömrəli uşaq evi (demo)";

    public static async Task EnsureAsync(AppDbContext db, int monitorId, int coordinatorId, CancellationToken ct)
    {
        if (await db.Set<Institution>().AnyAsync(ct)) return;
        var now = DateTime.UtcNow;
        Institution New(string name, InstitutionKind kind, string district, int capacity, string by) =>
            new() { Name = name, Kind = kind, DistrictCode = district, Capacity = capacity, Operator = by, CreatedAt = now };
        var home = New(GanjaHome, InstitutionKind.ChildrensHome, "C-GAN", 60, "Ministry of Education");
        db.AddRange(home,
            New("Gəncə kiçik qrup evi \"Ümid\" (demo)", InstitutionKind.SmallGroupHome, "C-GAN", 12, "Ministry of Labour and Social Protection"),
            New("Gəncə internat məktəbi (demo)", InstitutionKind.BoardingSchool, "C-GAN", 120, "Ministry of Education"),
            New("Şirvan xüsusi məktəb-internatı (demo)", InstitutionKind.SpecialSchool, "C-SIR", 80, "Ministry of Education"),
            New("Bakı yetkinlik yaşına çatmayanlar üçün istintaq təcridxanası (demo)", InstitutionKind.PreTrialDetention, "C-BAK", 40, "Ministry of Justice"));
        await db.SaveChangesAsync(ct);

        var visitedOn = DateOnly.FromDateTime(now).AddMonths(-2);
        var visit = new InstitutionVisit
        {
            Id = Guid.NewGuid(), InstitutionId = home.Id, VisitedOn = visitedOn, Kind = VisitKind.Unannounced, Team = "Demo monitoring team (Ombudsperson's Office, Ganja)",
            At = now, ById = monitorId,
        };
        db.Add(visit);
        foreach (var item in Checklists.Care)
        {
            var (answer, note) = item switch
            {
                "care.plan" => (CheckAnswer.PartlyMet, "Plans exist for most children; several not reviewed for over a year."),
                "care.complaints" => (CheckAnswer.NotMet, "No complaints box or route children could name."),
                _ => (CheckAnswer.Met, (string?)null),
            };
            db.Add(new VisitCheck { VisitId = visit.Id, Item = item, Answer = answer, Note = note });
        }
        db.Add(new VisitInterview { VisitId = visit.Id, Interviewee = Interviewee.Child, AgeGroup = "12-14", Notes = "Demo note: says the food is fine; misses home visits.", At = now, ById = monitorId });
        db.Add(new VisitInterview { VisitId = visit.Id, Interviewee = Interviewee.Staff, Notes = "Demo note: two educators for 25 children on night shifts.", At = now, ById = monitorId });
        var plans = Finding(visit, home, "care.plan", FindingSeverity.Medium, "Several care plans not reviewed for over a year.",
            "Review every child's care plan at least every six months, with the child.", visitedOn.AddMonths(3), now, monitorId);
        var complaints = Finding(visit, home, "care.complaints", FindingSeverity.High, "Children know no way to complain in confidence.",
            "Set up a confidential complaints route and explain it to every child.", visitedOn.AddMonths(1), now, monitorId);
        db.AddRange(plans, complaints);
        visit.Report(home.Kind, Checklists.Care, "Demo report: care is adequate; plans and the complaints route need work.", now);
        await db.SaveChangesAsync(ct);
        complaints.Respond(FollowUpStatus.Implemented, now);
        db.Add(new FindingUpdate { FindingId = complaints.Id, Status = FollowUpStatus.Implemented, Note = "Demo: a locked box and the helpline number are posted on each floor.", At = now, ById = coordinatorId });
        await db.SaveChangesAsync(ct);
    }

    private static VisitFinding Finding(InstitutionVisit v, Institution i, string item, FindingSeverity severity, string finding, string recommendation, DateOnly due, DateTime now, int by) =>
        new()
        {
            VisitId = v.Id, InstitutionId = i.Id, Item = item, Severity = severity, Finding = finding, Recommendation = recommendation,
            Addressee = "Director of the home; Ministry of Education", DueOn = due, Status = FollowUpStatus.Open, StatusAt = now, At = now, ById = by,
        };
}
