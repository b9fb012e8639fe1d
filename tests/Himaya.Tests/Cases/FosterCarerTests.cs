using Himaya.Features.Cases;
using Himaya.Platform;

namespace Himaya.Tests.Cases;

/// <summary>A foster carer's file on its own: application to approval, reviews, and whom the carer can take, no database.</summary>
public sealed class FosterCarerTests
{
    private static readonly DateOnly Applied = new(2026, 3, 2);

    private static FosterCarer New() => new()
    {
        Name = "Aliyev family", DistrictCode = "C-GAN", Status = FosterCarerStatus.Applied, AppliedOn = Applied, Capacity = 2, MinAge = 3, MaxAge = 12, Version = 1,
    };

    /// <summary>A carer walked to <paramref name="status"/> by its own steps.</summary>
    private static FosterCarer At(FosterCarerStatus status)
    {
        var f = New();
        if (status == FosterCarerStatus.Applied) return f;
        f.RecordAssessment(Applied.AddDays(10), "Warm home").ShouldBeNull();
        if (status == FosterCarerStatus.Assessed) return f;
        f.RecordTraining(Applied.AddDays(20)).ShouldBeNull();
        if (status == FosterCarerStatus.Trained) return f;
        f.Approve(Applied.AddDays(30), 7).ShouldBeNull();
        if (status == FosterCarerStatus.Approved) return f;
        f.Review(Applied.AddYears(1), status == FosterCarerStatus.Suspended ? "suspend" : "withdraw").ShouldBeNull();
        return f;
    }

    private static string Snapshot(FosterCarer f) => $"{f.Status}|{f.AssessedOn}|{f.AssessmentSummary}|{f.TrainedOn}|{f.ApprovedOn}|{f.ApprovedById}|{f.NextReviewOn}";

    public static TheoryData<FosterCarerStatus> Statuses() => [.. Enum.GetValues<FosterCarerStatus>()];

    [Fact]
    public void A_carer_is_assessed_trained_approved_and_reviewed_every_year()
    {
        var f = New();
        f.RecordAssessment(Applied.AddDays(10), "Warm home").ShouldBeNull();
        (f.Status, f.AssessedOn, f.AssessmentSummary).ShouldBe((FosterCarerStatus.Assessed, (DateOnly?)Applied.AddDays(10), "Warm home"));
        f.RecordTraining(Applied.AddDays(20)).ShouldBeNull();
        (f.Status, f.TrainedOn).ShouldBe((FosterCarerStatus.Trained, (DateOnly?)Applied.AddDays(20)));
        f.Approve(Applied.AddDays(30), byId: 7).ShouldBeNull();
        (f.Status, f.ApprovedOn, f.ApprovedById, f.NextReviewOn).ShouldBe((FosterCarerStatus.Approved, (DateOnly?)Applied.AddDays(30), (int?)7, (DateOnly?)Applied.AddDays(30).AddYears(1)));
        f.Review(Applied.AddYears(1), "suspend").ShouldBeNull();
        (f.Status, f.NextReviewOn).ShouldBe((FosterCarerStatus.Suspended, (DateOnly?)Applied.AddYears(2)));
        f.Review(Applied.AddYears(2), "continue").ShouldBeNull();
        (f.Status, f.NextReviewOn).ShouldBe((FosterCarerStatus.Approved, (DateOnly?)Applied.AddYears(3)));
        f.Review(Applied.AddYears(3), "withdraw").ShouldBeNull();
        (f.Status, f.NextReviewOn).ShouldBe((FosterCarerStatus.Withdrawn, (DateOnly?)null));
    }

    [Theory, MemberData(nameof(Statuses))]
    public void Each_step_is_refused_in_every_status_but_its_own_and_the_file_is_left_as_it_was(FosterCarerStatus status)
    {
        (string Step, FosterCarerStatus[] AllowedIn, string Code, Func<FosterCarer, Refusal?> Do)[] steps =
        [
            ("assessment", [FosterCarerStatus.Applied], "carer.already", f => f.RecordAssessment(Applied.AddYears(2), "x")),
            ("training", [FosterCarerStatus.Assessed], "carer.assessment-first", f => f.RecordTraining(Applied.AddYears(2))),
            ("approval", [FosterCarerStatus.Trained], "carer.approval-needs-training", f => f.Approve(Applied.AddYears(2), 7)),
            ("review", [FosterCarerStatus.Approved, FosterCarerStatus.Suspended], "carer.review-needs-approval", f => f.Review(Applied.AddYears(2), "continue")),
        ];
        foreach (var (step, allowedIn, code, act) in steps)
        {
            var f = At(status);
            var before = Snapshot(f);
            var refused = act(f);
            if (allowedIn.Contains(status)) refused.ShouldBeNull($"{step} when {status}");
            else
            {
                refused.ShouldNotBeNull($"{step} when {status}");
                (refused.Code, refused.IsFieldError).ShouldBe((code, false), $"{step} when {status}");
                Snapshot(f).ShouldBe(before, $"a refused {step} changed the file");
            }
        }
    }

    [Fact]
    public void An_assessment_of_a_file_past_it_says_where_the_file_stands()
    {
        var r = At(FosterCarerStatus.Trained).RecordAssessment(Applied, "again")!;
        r.Message.ShouldBe("The carer is already Trained.");
        r.Args[0].ShouldBe(new TextArg("CarerStatus.Trained", "Trained"));
    }

    [Fact]
    public void A_change_from_an_older_version_of_the_file_is_refused_with_both_versions()
    {
        var f = New();
        f.CheckVersion(1).ShouldBeNull();
        var r = f.CheckVersion(0)!;
        (r.Code, r.Field, r.IsFieldError).ShouldBe(("carer.changed-since", "version", false));
        r.Message.ShouldBe("Someone else changed this carer's file since you opened it (your version 0, current 1).");
    }

    [Fact]
    public void An_approved_carer_takes_a_child_of_their_ages_with_a_disability_only_if_approved_for_it_and_only_while_there_is_room()
    {
        At(FosterCarerStatus.Trained).CanTake(5, false, 0)!.Code.ShouldBe("carer.not-approved");
        At(FosterCarerStatus.Suspended).CanTake(5, false, 0)!.Code.ShouldBe("carer.not-approved");
        var f = At(FosterCarerStatus.Approved);
        f.CanTake(5, false, 0).ShouldBeNull();
        f.CanTake(3, false, 1).ShouldBeNull();
        f.CanTake(12, false, 1).ShouldBeNull();
        var young = f.CanTake(2, false, 0)!;
        (young.Code, young.Field, young.IsFieldError).ShouldBe(("carer.ages", "fosterCarerId", true));
        young.Message.ShouldBe("Aliyev family takes children aged 3–12; the child is 2.");
        f.CanTake(13, false, 0)!.Code.ShouldBe("carer.ages");
        f.CanTake(5, true, 0)!.Message.ShouldBe("Aliyev family is not approved for children with disabilities.");
        f.AcceptsDisability = true;
        f.CanTake(5, true, 0).ShouldBeNull();
        f.CanTake(5, false, 2)!.Message.ShouldBe("Aliyev family has no free place (2 of 2).");
    }
}
