using System.Globalization;
using Himaya.Platform;
using Himaya.Features.Identity;
using Microsoft.Extensions.Localization;
using PdfSharp.Pdf;

namespace Himaya.Features.Cases;

/// <summary>
/// The printable case summary: what the caller may see of the case (sensitive notes only for those who may read them),
/// in the caller's language, marked confidential, with who printed it and when. Exporting it is audited.
/// </summary>
public sealed class CaseSummaryPdf(CaseWork work, AuditLog audit, IStringLocalizer<Texts> t, TimeProvider clock)
{
    public async Task<Outcome<byte[]>> RenderAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        if (!user.Can(Permission.ReadCases)) return new Outcome<byte[]>.Forbidden();
        if (await work.GetAsync(user, id, ct) is not Outcome<CaseView>.Ok ok) return new Outcome<byte[]>.NotFound();
        var bytes = Render(ok.Value, user.UserName);
        await audit.RecordAsync(user, new AuditEvent(AuditActions.Export, CaseWork.EntityType, id.ToString("D"), "case summary (PDF)"), ct);
        return bytes;
    }

    private byte[] Render(CaseView c, string printedBy)
    {
        var n = CultureInfo.CurrentCulture;
        using var doc = new PdfDocument();
        doc.Info.Title = t["Case.Title", c.Number];
        var w = new PdfPrinter(doc, t["Pdf.Footer", printedBy, Ui.Time(clock.GetUtcNow().UtcDateTime)]);
        w.Heading(t["Case.Title", c.Number], 16);
        w.Line(t["Pdf.Confidential"], bold: true);
        w.Gap();
        w.Field(t["MostDeprived.Child"], $"{c.Child.Name} · {t["Enum.Sex." + c.Child.Sex]} · {c.Child.BirthDate.ToString("d", n)} ({c.Child.Age})");
        w.Field(t["Field.districtCode"], c.DistrictName);
        w.Field(t["Case.Stage"], t["CaseStage." + c.Stage] + (c.Pending == PendingApproval.None ? "" : " · " + t["Case.Pending." + c.Pending]));
        w.Field(t["Case.Risk"], t["Risk." + c.Risk]);
        w.Field(t["Case.Owner"], $"{c.Owner.DisplayName} ({c.Owner.UserName})");
        w.Field(t["Case.Supervisor"], $"{c.Supervisor.DisplayName} ({c.Supervisor.UserName})");
        w.Field(t["Case.Opened"], Ui.Time(c.OpenedAt));
        w.Field(t["Case.Reason"], c.Reason);
        w.Field(t["Case.Concerns"], string.Join(", ", c.Concerns.Select(x => t["Concern." + x].Value)));
        if (c.DueAt is { } due) w.Field(t["Case.Due"], Ui.Time(due) + (c.Overdue ? " · " + t["Case.Overdue"] : ""));
        if (c.NextReviewOn is { } review) w.Field(t["Case.NextReview"], review.ToString("d", n));
        if (c.ClosureReason is { } reason) w.Field(t["Case.ClosureReason"], $"{t["Closure." + reason]} — {c.ClosureOutcome}");

        foreach (var a in c.Assessments)
        {
            w.Heading($"{t["Assessment." + a.Kind]} · {Ui.Time(a.At)} · {a.By}", 12);
            foreach (var p in a.Content.EnumerateObject())
            {
                var label = t["Assessment.Field." + p.Name] is { ResourceNotFound: false } l ? l.Value : p.Name;
                var value = p.Value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.Object => string.Join(", ", p.Value.EnumerateObject().Select(x => $"{t["Wellbeing." + x.Name]}: {x.Value}")),
                    System.Text.Json.JsonValueKind.True => t["Common.Yes"].Value,
                    System.Text.Json.JsonValueKind.False => t["Common.No"].Value,
                    System.Text.Json.JsonValueKind.Null => "—",
                    _ => p.Value.ToString(),
                };
                w.Field(label, value);
            }
        }
        if (c.Plan.Count > 0)
        {
            w.Heading(c.IndividualCarePlan ? t["Case.IndividualCarePlan"] : t["Case.Plan"], 12);
            if (c.IndividualCarePlan)
                w.Line($"{t["Case.CarePlanDomains"]}: {string.Join(", ", c.CarePlanDomains.Select(d => t["CarePlanDomain." + d].Value))} · {t["Case.ReviewEvery", c.ReviewCycleMonths ?? 0]}");
            foreach (var a in c.Plan) w.Line($"• {a.Goal} — {a.Action} ({a.Responsible}, {a.DueOn.ToString("d", n)})");
        }
        if (c.Referrals.Count > 0)
        {
            w.Heading(t["Case.Referrals"], 12);
            foreach (var r in c.Referrals)
                w.Line($"• {r.ServiceName}: {t["ReferralStatus." + r.Status]} — {r.Reason}{(r.Outcome is null ? "" : " → " + r.Outcome)}");
        }
        if (c.Notes.Count > 0)
        {
            w.Heading(t["Case.Notes"], 12);
            foreach (var note in c.Notes)
                w.Line($"{note.On.ToString("d", n)} · {t["NoteKind." + note.Kind]} · {note.By}{(note.Sensitive ? " · " + t["Note.SensitiveBadge"] : "")}: {note.Text}");
        }
        w.Heading(t["Case.History"], 12);
        foreach (var e in c.History) w.Line($"{Ui.Time(e.At)} · {e.By} · {t["CaseEvent." + e.Kind]}{(e.Comment is null ? "" : ": " + e.Comment)}");
        w.Finish();
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }
}
