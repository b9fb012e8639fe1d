using Himaya.Features.Community;
using Shouldly;

namespace Himaya.Tests.Community;

/// <summary>The shipped instruments as data (complete in three languages, consistent) and how answers are scored.</summary>
public sealed class InstrumentTests
{
    private static readonly Instruments Shipped = new();

    [Fact]
    public void Every_shipped_instrument_is_complete_in_az_en_and_ru_with_codes_unique_and_an_activity_a_programme_runs()
    {
        Shipped.All.Select(i => i.Code).ShouldBe(["dev-milestones", "mhpss-distress", "outreach-vulnerability"], ignoreOrder: true);
        foreach (var i in Shipped.All)
        {
            var texts = new[] { i.Title }.Concat(i.Answers.Select(a => a.Text)).Concat(i.Items.Select(x => x.Text));
            texts.ShouldAllBe(w => w.Az.Length > 0 && w.En.Length > 0 && w.Ru.Length > 0 && w.Az != w.En && w.Ru != w.En, i.Code);
            i.Items.Select(x => x.Code).ShouldBeUnique(i.Code);
            i.Answers.Select(x => x.Code).ShouldBeUnique(i.Code);
            Enum.IsDefined(i.ActivityType).ShouldBeTrue();
            i.Items.ShouldAllBe(x => x.FromMonths < x.ToMonths && x.Weight > 0);
            i.Threshold.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void The_milestone_checklist_asks_each_age_its_own_three_items_up_to_six_years()
    {
        var m = Shipped.Find("dev-milestones")!;
        for (var months = 0; months < 72; months++) m.ItemsFor(months).Count.ShouldBe(3, $"{months} months");
        m.ItemsFor(72).ShouldBeEmpty();
        m.ItemsFor(4).Select(i => i.Code).ShouldBe(["m3-smiles", "m3-holds-head", "m3-reaches"]);
    }

    [Fact]
    public void A_score_weighs_each_answer_by_its_item_and_counts_only_what_is_asked_at_the_age()
    {
        var o = Shipped.Find("OUTREACH-vulnerability")!;
        var answers = o.Items.ToDictionary(i => i.Code, _ => "no");
        answers["violence-at-home"] = "yes";
        answers["no-income"] = "Yes";
        var (score, refusals) = o.Score(answers, 120);
        (score, refusals.Count).ShouldBe((4, 0));
        o.Concern(score).ShouldBeFalse();
        answers["signs-of-neglect"] = "yes";
        o.Concern(o.Score(answers, 120).Score).ShouldBeTrue();
        o.Kept(answers, 120)["no-income"].ShouldBe("yes");
        // At three years school and work are not asked: answering them is refused, by item.
        var (_, young) = o.Score(answers, 36);
        young.Select(r => (r.Code, r.Field)).ShouldBe([("community.item-not-asked", "answers.out-of-school"), ("community.item-not-asked", "answers.child-works")], ignoreOrder: true);
    }

    [Fact]
    public void Missing_and_unknown_answers_are_refused_by_item_and_an_instrument_outside_its_ages_by_name()
    {
        var d = Shipped.Find("mhpss-distress")!;
        var (_, refusals) = d.Score(new Dictionary<string, string> { ["sleep"] = "rarely" }, 100);
        refusals.Single(r => r.Field == "answers.sleep").Code.ShouldBe("field.one-of");
        refusals.Count(r => r.Code == "field.required").ShouldBe(d.Items.Count - 1);
        d.Score(null, 24).Refusals.Select(r => r.Code).ShouldBe(["community.instrument-not-for-age"]);
    }

    [Fact]
    public void The_latest_version_is_found_unless_one_is_named_and_a_summary_carries_every_answer_in_the_readers_language()
    {
        var v1 = Shipped.Find("mhpss-distress")!;
        var v2 = v1 with { Version = 2, Threshold = 12 };
        var both = new Instruments([v1, v2]);
        both.Find("mhpss-distress")!.Version.ShouldBe(2);
        both.Find("mhpss-distress", 1)!.Threshold.ShouldBe(10);
        both.Find("mhpss-distress", 3).ShouldBeNull();
        both.Current.ShouldHaveSingleItem().Version.ShouldBe(2);
        var kept = v1.Items.ToDictionary(i => i.Code, _ => "often");
        var summary = v1.Summary(kept, 14, "ru");
        summary.ShouldStartWith("Скрининг психосоциального дистресса (6–17 лет) v1: 14 ≥ 10");
        summary.Split('\n').Length.ShouldBe(1 + v1.Items.Count);
        summary.ShouldContain("Часто");
    }
}
