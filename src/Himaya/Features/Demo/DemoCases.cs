using Himaya.Features.Registry;
using Himaya.Features.Cases;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Demo;

/// <summary>
/// A few demo cases in Ganja, made through the same use cases as a user would (so every rule and audit line applies):
/// one in each stage, a plan waiting for supervisor.ganja, a referral waiting for ngo.ganja, an approved foster family.
/// </summary>
internal static class DemoCases
{
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Cases.AnyAsync(ct)) return;
        var units = sp.GetRequiredService<AdminUnits>();
        var work = sp.GetRequiredService<CaseWork>();
        var referrals = sp.GetRequiredService<Referrals>();
        var carers = sp.GetRequiredService<FosterCarers>();
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        async Task<CurrentUser?> As(string name) =>
            await db.Users.AsNoTracking().Include(u => u.Roles).Include(u => u.ScopeAreas).FirstOrDefaultAsync(u => u.UserName == name, ct) is { } u
                ? CurrentUserAccessor.Build(u, units, null) : null;
        var worker = await As("worker.ganja");
        var supervisor = await As("supervisor.ganja");
        if (worker is null || supervisor is null) return;
        var children = await db.Children.AsNoTracking().Where(c => c.DistrictCode == "C-GAN" && c.DeletedAt == null && c.BirthDate <= today.AddYears(-6))
            .OrderBy(c => c.Id).Take(40).ToListAsync(ct);
        var able = children.Where(c => !c.HasFunctionalDifficulty).ToList();
        var withDifficulty = children.FirstOrDefault(c => c.HasFunctionalDifficulty);
        if (able.Count < 5) return;

        var wellbeing = new Dictionary<string, int> { ["health"] = 3, ["education"] = 2, ["emotional"] = 2, ["relationships"] = 3, ["safety"] = 2, ["identity"] = 4, ["selfCare"] = 3, ["living"] = 2 };
        async Task<CaseView?> Open(Guid childId, string reason, string[] concerns, RiskLevel risk) =>
            await work.OpenAsync(worker, new OpenCaseRequest(childId, reason, concerns, risk), ct) is Outcome<CaseView>.Ok ok ? ok.Value : null;
        async Task<CaseView?> Step(Task<Outcome<CaseView>> step) => await step is Outcome<CaseView>.Ok ok ? ok.Value : null;
        async Task<CaseView?> ToPlan(CaseView? c, bool icp = false)
        {
            if (c is null) return null;
            c = await Step(work.InitialAssessmentAsync(worker, c.Id, new InitialAssessmentRequest(c.Version, "Home visit made; the child is safe for now but needs support.", true, c.Risk), ct));
            if (c is null) return null;
            return await Step(work.ComprehensiveAssessmentAsync(worker, c.Id, new ComprehensiveAssessmentRequest(c.Version, "Single mother, three children, irregular income.", wellbeing,
                icp ? "Low vision; needs large print and a mobility aid." : null, "Long hours alone; missed school days.", "Close to the grandmother; likes football."), ct));
        }
        PlanActionInput Action(string goal, string action, int days) => new(goal, action, "worker.ganja", today.AddDays(days));

        // 1. Just opened: the initial assessment is due within 24 hours.
        await Open(able[0].Id, "School reports the child arrives hungry and tired.", ["neglect"], RiskLevel.High);
        // 2. Waiting for the comprehensive assessment.
        var c2 = await Open(able[1].Id, "Neighbours report shouting and a child crying at night.", ["domestic-violence", "emotional-abuse"], RiskLevel.Medium);
        if (c2 is not null) await Step(work.InitialAssessmentAsync(worker, c2.Id, new InitialAssessmentRequest(c2.Version, "Mother confirms conflicts with her partner; the child is safe with the grandmother now.", true, RiskLevel.Medium), ct));
        // 3. A plan waiting for supervisor.ganja's decision.
        var c3 = await ToPlan(await Open(able[2].Id, "Out of school since September; works at the bazaar.", ["child-labour", "out-of-school"], RiskLevel.Medium));
        if (c3 is not null) await Step(work.SubmitPlanAsync(worker, c3.Id, new PlanRequest(c3.Version, [Action("The child is back in school", "Enrol in school no. 12 with the school's social pedagogue", 14), Action("The family has an income", "Apply for targeted social assistance", 30)]), ct));
        // 4. In implementation, with a referral waiting for ngo.ganja.
        var c4 = await ToPlan(await Open(able[3].Id, "Withdrawn and anxious since the father's death.", ["mental-health"], RiskLevel.Low));
        if (c4 is not null) c4 = await Step(work.SubmitPlanAsync(worker, c4.Id, new PlanRequest(c4.Version, [Action("The child copes with the loss", "Psychosocial support sessions", 60)]), ct));
        if (c4 is not null) c4 = await Step(work.DecidePlanAsync(supervisor, c4.Id, new DecisionRequest(c4.Version, true, "Agreed."), ct));
        if (c4 is not null && (await referrals.ServicesAsync(worker, able[3].Id, ct)) is Outcome<List<ServiceChoice>>.Ok services
            && services.Value.FirstOrDefault(s => s.Types.Contains("mhpss") && s.Agency == "Ganja Children's NGO" && s.ServesChild == true) is { } mhpss)
            await referrals.SendAsync(worker, c4.Id, new ReferRequest(mhpss.Id, "Grief counselling; sleeps badly.", true, "Mother", today, today.AddMonths(2)), ct);
        // 5. A child with a functional difficulty: an individual care plan, approved.
        if (withDifficulty is not null)
        {
            var c5 = await ToPlan(await Open(withDifficulty.Id, "Not attending school: no accessible transport.", ["disability-exclusion", "out-of-school"], RiskLevel.Medium), icp: true);
            if (c5 is not null) c5 = await Step(work.SubmitPlanAsync(worker, c5.Id, new PlanRequest(c5.Version, [Action("The child attends school", "Arrange accessible transport with the district", 30)], true, ["education", "assistive-devices", "mobility"], 6), ct));
            if (c5 is not null) await Step(work.DecidePlanAsync(supervisor, c5.Id, new DecisionRequest(c5.Version, true, null), ct));
        }
        // 6. Closed after its goals were met.
        var c6 = await ToPlan(await Open(able[4].Id, "Birth not registered; no documents for school.", ["other"], RiskLevel.Low));
        if (c6 is not null) c6 = await Step(work.SubmitPlanAsync(worker, c6.Id, new PlanRequest(c6.Version, [Action("The child has a birth certificate", "Accompany the mother to the registry office", 20)]), ct));
        if (c6 is not null) c6 = await Step(work.DecidePlanAsync(supervisor, c6.Id, new DecisionRequest(c6.Version, true, null), ct));
        if (c6 is not null) c6 = await Step(work.RequestClosureAsync(worker, c6.Id, new ClosureRequest(c6.Version, "goals-achieved", "Birth registered; enrolled in school."), ct));
        if (c6 is not null) await Step(work.DecideClosureAsync(supervisor, c6.Id, new DecisionRequest(c6.Version, true, "Well done."), ct));

        // An approved foster family in Ganja.
        if (await carers.CreateAsync(worker, new FosterCarerInput("Əliyevlər ailəsi (Ganja)", "C-GAN", "Ganja, Nizami str. 10", "+994 50 000 00 00", today.AddMonths(-4), 2, 3, 14, false), "en", ct)
            is Outcome<FosterCarerView>.Ok carer)
        {
            var f = carer.Value;
            if (await carers.StepAsync(worker, f.Id, "assessment", new CarerStepRequest(f.Version, today.AddMonths(-3), "Stable, caring home with two bedrooms free.", null), "en", ct) is Outcome<FosterCarerView>.Ok a
                && await carers.StepAsync(worker, f.Id, "training", new CarerStepRequest(a.Value.Version, today.AddMonths(-2), null, null), "en", ct) is Outcome<FosterCarerView>.Ok t)
                await carers.StepAsync(supervisor, f.Id, "approval", new CarerStepRequest(t.Value.Version, today.AddMonths(-1), null, null), "en", ct);
        }
    }
}
