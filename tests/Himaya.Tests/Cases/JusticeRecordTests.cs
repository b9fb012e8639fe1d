using Himaya.Features.Cases;
using Himaya.Platform;

namespace Himaya.Tests.Cases;

/// <summary>A justice record's steps on their own: diversion, deprivation of liberty and hearings, legal and illegal moves, no database.</summary>
public sealed class JusticeRecordTests
{
    private static readonly DateOnly Contact = new(2026, 10, 1);

    private static JusticeRecord New(JusticeRole role = JusticeRole.Offender) => new() { Role = role, Matter = "Theft", ContactOn = Contact };

    private static string Snapshot(JusticeRecord j) =>
        $"{j.Diversion}|{j.DiversionStartOn}|{j.DiversionCompletedOn}|{j.DiversionOutcome}|{j.DetainedFrom}|{j.DetentionPlace}|{j.DetainedUntil}|{j.LastDetentionReviewOn}";

    /// <summary>A refused step names its code and leaves the record as it was.</summary>
    private static void Refused(JusticeRecord j, Func<JusticeRecord, Refusal?> step, string code)
    {
        var before = Snapshot(j);
        var r = step(j);
        r.ShouldNotBeNull();
        (r.Code, r.IsFieldError).ShouldBe((code, false));
        Snapshot(j).ShouldBe(before);
    }

    [Fact]
    public void A_diversion_is_started_once_and_completed_once_no_earlier_than_it_started()
    {
        var j = New();
        Refused(j, x => x.CompleteDiversion(Contact.AddDays(5), "done"), "justice.diversion-first");
        j.StartDiversion("Mediation", Contact.AddDays(2)).ShouldBeNull();
        (j.Diversion, j.DiversionStartOn).ShouldBe(("Mediation", (DateOnly?)Contact.AddDays(2)));
        Refused(j, x => x.StartDiversion("Community work", Contact.AddDays(3)), "justice.diversion-recorded");
        Refused(j, x => x.CompleteDiversion(Contact.AddDays(1), "done"), "justice.diversion-ends-before-start");
        j.CompleteDiversion(Contact.AddDays(2), "Apology accepted").ShouldBeNull();
        (j.DiversionCompletedOn, j.DiversionOutcome).ShouldBe(((DateOnly?)Contact.AddDays(2), "Apology accepted"));
        Refused(j, x => x.CompleteDiversion(Contact.AddDays(9), "again"), "justice.diversion-completed");
    }

    [Theory]
    [InlineData(JusticeRole.Victim)]
    [InlineData(JusticeRole.Witness)]
    public void Only_a_child_alleged_to_have_offended_is_diverted_or_deprived_of_liberty(JusticeRole role)
    {
        var j = New(role);
        Refused(j, x => x.StartDiversion("Mediation", Contact), "justice.diversion-for-offenders");
        Refused(j, x => x.Detain(Contact, "Centre"), "justice.detention-for-offenders");
        Refused(j, x => x.ReviewDetention(Contact), "justice.not-detained");
        Refused(j, x => x.Release(Contact), "justice.not-detained");
    }

    [Fact]
    public void A_deprivation_of_liberty_is_reviewed_until_release_and_may_begin_again_with_its_reviews_afresh()
    {
        var j = New();
        Refused(j, x => x.ReviewDetention(Contact.AddDays(1)), "justice.not-detained");
        Refused(j, x => x.Release(Contact.AddDays(1)), "justice.not-detained");
        j.Detain(Contact.AddDays(1), "Centre").ShouldBeNull();
        (j.IsDetained, j.DetentionReviewDue).ShouldBe((true, (DateOnly?)Contact.AddDays(1 + Justice.FirstReviewDays)));
        Refused(j, x => x.Detain(Contact.AddDays(2), "Elsewhere"), "justice.already-detained");
        Refused(j, x => x.ReviewDetention(Contact), "justice.before-detention");
        Refused(j, x => x.Release(Contact), "justice.before-detention");
        j.ReviewDetention(Contact.AddDays(3)).ShouldBeNull();
        j.DetentionReviewDue.ShouldBe(Contact.AddDays(3 + Justice.ReviewEveryDays));
        j.Release(Contact.AddDays(10)).ShouldBeNull();
        (j.IsDetained, j.DetainedUntil, j.DetentionReviewDue).ShouldBe((false, (DateOnly?)Contact.AddDays(10), (DateOnly?)null));
        Refused(j, x => x.ReviewDetention(Contact.AddDays(11)), "justice.not-detained");
        Refused(j, x => x.Release(Contact.AddDays(11)), "justice.not-detained");
        j.Detain(Contact.AddDays(20), "Centre 2").ShouldBeNull();
        (j.DetainedFrom, j.DetentionPlace, j.DetainedUntil, j.LastDetentionReviewOn).ShouldBe(((DateOnly?)Contact.AddDays(20), "Centre 2", (DateOnly?)null, (DateOnly?)null));
    }

    [Fact]
    public void Legal_aid_is_recorded_whatever_the_role()
    {
        var j = New(JusticeRole.Victim);
        j.RecordLegalAid("Bar association", Contact);
        (j.LegalAidBy, j.LegalAidOn).ShouldBe(("Bar association", (DateOnly?)Contact));
    }

    [Fact]
    public void A_hearing_has_an_outcome_only_once_it_has_taken_place()
    {
        var h = new CourtHearing { On = Contact.AddDays(10), Court = "Ganja court" };
        var r = h.RecordOutcome("Adjourned", today: Contact.AddDays(9))!;
        (r.Code, r.Field, r.IsFieldError).ShouldBe(("justice.hearing-not-held", "hearingId", false));
        h.Outcome.ShouldBeNull();
        h.RecordOutcome("Adjourned", today: Contact.AddDays(10)).ShouldBeNull();
        h.Outcome.ShouldBe("Adjourned");
    }
}
