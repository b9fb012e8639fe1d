using Himaya.Features.Community;
using Himaya.Platform;
using Shouldly;

namespace Himaya.Tests.Community;

/// <summary>Who a contact reached (children and caregivers), how a programme may change, and outcome figures — without a database.</summary>
public sealed class ContactAndOutcomeRulesTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    [Fact]
    public void A_contact_has_a_row_per_child_who_came_or_whose_caregivers_came_each_caregiver_once()
    {
        var e = new FieldErrors();
        var rows = ContactChild.Attendance([A, A], [new(A, "Mother"), new(B, " father "), new(B, "Mother"), new(B, "Father")], 200, e);
        e.IsEmpty.ShouldBeTrue();
        rows.Select(r => (r.ChildId, r.ChildPresent, r.Caregivers)).ShouldBe([(A, true, "Mother"), (B, false, "Father;Mother")]);
    }

    [Fact]
    public void A_contact_with_nobody_too_many_or_a_bad_caregiver_is_refused_by_item()
    {
        var e = new FieldErrors();
        ContactChild.Attendance([], [], 200, e);
        e.CodedFor("children").Single().Code.ShouldBe("community.children-required");
        e = new FieldErrors();
        ContactChild.Attendance([A], [new(null, "Mother"), new(B, "Aunt"), null], 200, e);
        e.CodedFor("caregivers[0].childId").Single().Code.ShouldBe("field.required");
        e.CodedFor("caregivers[1].relationship").Single().Code.ShouldBe("field.one-of");
        e.CodedFor("caregivers[2].relationship").Single().Code.ShouldBe("field.required");
        // Another field refused already (the date, say): nobody at all is still said.
        e = new FieldErrors().Add(PlatformErrors.Required("date"));
        ContactChild.Attendance(null, null, 200, e);
        e.CodedFor("children").Single().Code.ShouldBe("community.children-required");
        e = new FieldErrors();
        ContactChild.Attendance([A], [new(B, "Mother")], 1, e);
        e.CodedFor("children").Single().Code.ShouldBe("community.too-many-children");
    }

    [Fact]
    public void A_programme_keeps_the_activities_and_districts_its_contacts_use_and_counts_its_versions()
    {
        var p = new Programme { Name = "ECD", ActivityTypes = "CounsellingSession;GroupSession", Districts = "C-GAN;C-SIR" };
        var e = new FieldErrors();
        p.Revise("ECD 2", [ActivityType.CounsellingSession], ["C-GAN"], null, 7, [ActivityType.GroupSession], ["C-SIR"], e);
        e.CodedFor("activityTypes").Single().Code.ShouldBe("community.activity-in-use");
        e.CodedFor("districts").Single().Code.ShouldBe("community.district-in-use");
        (p.Name, p.Version, p.ProviderId).ShouldBe(("ECD", 1, (int?)null));
        e = new FieldErrors();
        p.Revise("ECD 2", [ActivityType.GroupSession, ActivityType.YouthSession], ["C-SIR", "C-BAK"], 3, 7, [ActivityType.GroupSession], ["C-SIR"], e);
        e.IsEmpty.ShouldBeTrue();
        (p.Name, p.ActivityTypes, p.Districts, p.ProjectId, p.ProviderId, p.Version).ShouldBe(("ECD 2", "GroupSession;YouthSession", "C-SIR;C-BAK", (int?)3, (int?)7, 2));
    }

    [Fact]
    public void Outcomes_compare_each_childs_first_and_latest_screening()
    {
        var day = new DateOnly(2026, 3, 1);
        var at = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var c = Guid.NewGuid();
        var o = InstrumentOutcome.Of("mhpss-distress", 1, "Distress",
        [
            new ScoreOn(A, day.AddDays(30), at, 4, false), new ScoreOn(A, day, at, 12, true),
            // Two screenings on one day: the one recorded later is the latest.
            new ScoreOn(B, day, at.AddHours(1), 11, true), new ScoreOn(B, day, at, 2, false),
            new ScoreOn(c, day, at, 10, true),
        ]);
        (o.Screened, o.Rescreened, o.FirstMean, o.LatestMean, o.Improved, o.Worsened).ShouldBe((3, 2, 7.0m, 7.5m, 1, 1));
        (o.ConcernFirst, o.ConcernLatest, o.ConcernNow).ShouldBe((1, 1, 2));
        InstrumentOutcome.Of("x", 1, "X", [new ScoreOn(A, day, at, 3, false)]).FirstMean.ShouldBeNull();
    }

    [Fact]
    public void A_contact_is_taken_back_by_its_recorder_within_thirty_days_or_by_a_planner_and_never_from_a_home_visit()
    {
        var c = new Contact { DistrictCode = "C-GAN", ById = 7, At = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc) };
        c.Removal(7, plans: false, keptByVisit: false, new DateOnly(2026, 3, 31)).ShouldBeNull();
        c.Removal(7, plans: false, keptByVisit: false, new DateOnly(2026, 4, 1))!.Code.ShouldBe("community.contact-too-old");
        c.Removal(8, plans: false, keptByVisit: false, new DateOnly(2026, 3, 2))!.Code.ShouldBe("community.contact-not-yours");
        c.Removal(8, plans: true, keptByVisit: false, new DateOnly(2027, 1, 1)).ShouldBeNull();
        c.Removal(7, plans: true, keptByVisit: true, new DateOnly(2026, 3, 2))!.Code.ShouldBe("community.contact-kept-by-visit");
    }

    [Fact]
    public void Outcome_figures_of_fewer_than_five_children_are_hidden()
    {
        var full = new InstrumentOutcome("x", 1, "X", 12, 8, 6.5m, 4.0m, 6, 2, 7, 1, 0);
        full.Suppressed().ShouldBe(full with { Worsened = null, ConcernLatest = null });
        (full with { Rescreened = 4 }).Suppressed().ShouldBe(full with { Rescreened = null, FirstMean = null, LatestMean = null, Improved = null, Worsened = null,
            ConcernFirst = null, ConcernLatest = null, ConcernNow = 0 });
        (full with { Screened = 3 }).Suppressed().Screened.ShouldBeNull();
        (full with { Screened = 3 }).Suppressed().FirstMean.ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-03-01")]
    [InlineData("2026-01-15", 1, "2026-02-15")]
    [InlineData("2025-11-30", 3, "2026-03-01")]
    public void The_first_day_of_an_age_in_months_agrees_with_the_age_the_schedule_reads(string birth, int months, string first)
    {
        var b = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        var day = Screenings.FirstDayAged(b, months);
        day.ShouldBe(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        Screenings.MonthsOld(b, day).ShouldBe(months);
        Screenings.MonthsOld(b, day.AddDays(-1)).ShouldBe(months - 1);
    }

    [Fact]
    public void A_planner_changes_only_programmes_all_of_whose_districts_are_theirs()
    {
        var national = new CurrentUser(1, "analyst", "", [Roles.NationalAnalyst], ScopeKind.National, new HashSet<string>(), "127.0.0.1");
        var ganja = new CurrentUser(2, "coordinator", "", [Roles.DistrictCoordinator], ScopeKind.Areas, new HashSet<string> { "C-GAN" }, "127.0.0.1");
        var worker = new CurrentUser(3, "worker", "", [Roles.SocialWorker], ScopeKind.Areas, new HashSet<string> { "C-GAN" }, "127.0.0.1");
        CommunityScope.MayChange(national, ["C-GAN", "C-SIR"]).ShouldBeTrue();
        CommunityScope.MayChange(ganja, ["C-GAN"]).ShouldBeTrue();
        CommunityScope.MayChange(ganja, ["C-GAN", "C-SIR"]).ShouldBeFalse();
        CommunityScope.MayChange(worker, ["C-GAN"]).ShouldBeFalse("a worker does not plan programmes");
        (CommunityScope.PlansIn(ganja, "C-GAN"), CommunityScope.PlansIn(ganja, "C-SIR")).ShouldBe((true, false));
        ContactChild.Parse("Mother;Father").ShouldBe([CaregiverRelation.Mother, CaregiverRelation.Father]);
        ContactChild.Parse(null).ShouldBeEmpty();
    }
}
