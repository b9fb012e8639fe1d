using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>
/// Taking a report: the hotline operator while the caller talks (keyboard first: the type has focus, Ctrl+Enter sends),
/// or a teacher, health worker or police officer signed in. The answer is the reference and the deadline.
/// </summary>
public sealed class ReportNewModel(VacIntake intake, AdminUnits units, VacEarlierReports earlier) : HimayaPage
{
    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];
    public ReportCreated? Created { get; private set; }
    /// <summary>Earlier reports about the child or from the caller, once looked up (the form keeps what was typed).</summary>
    public EarlierReports? Earlier { get; private set; }
    /// <summary>Why the lookup could not run (what to type first).</summary>
    public string? EarlierProblem { get; private set; }

    public IActionResult OnGet()
    {
        if (!Me.Can(Permission.ReportViolence)) return Forbid();
        Districts = DistrictChoices.For(units, Culture);
        return Page();
    }

    /// <summary>During the call: the report is not sent, the form comes back as typed with the earlier reports below it.</summary>
    public async Task<IActionResult> OnPostEarlierAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.ReadVacReports)) return Forbid();
        Districts = DistrictChoices.For(units, Culture);
        var input = VacForm.Read(Request.Form, new FieldErrors());
        var phone = VacScope.SeesReporter(Me) ? input.Reporter?.Phone : null;
        switch (await earlier.FindAsync(Me, new EarlierReportsQuery(input.Child?.GivenName, input.Child?.Surname, input.DistrictCode, input.Child?.BirthDate, phone), ct))
        {
            case Outcome<EarlierReports>.Ok ok: Earlier = ok.Value; break;
            case Outcome<EarlierReports>.Invalid bad:
                EarlierProblem = string.Join(" ", bad.Errors.All.Keys.SelectMany(bad.Errors.CodedFor).Select(r => r.Localise(T)));
                break;
            default: return Forbid();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Me.Can(Permission.ReportViolence)) return Forbid();
        Districts = DistrictChoices.For(units, Culture);
        var parse = new FieldErrors();
        var input = VacForm.Read(Request.Form, parse);
        if (!parse.IsEmpty)
        {
            Errors = VacForm.Merge(parse, VacValidation.Validate(input, units, Today));
            return Page();
        }
        switch (await intake.ReportAsync(Me, input, ct))
        {
            case Outcome<ReportCreated>.Ok ok:
                // Whoever may read the report goes to it; a reporter sees the reference and deadline here.
                if (Me.Can(Permission.ReadVacReports)) return Redirect($"/vac/{ok.Value.Id}");
                Created = ok.Value;
                return Page();
            case Outcome<ReportCreated>.Invalid bad:
                Errors = bad.Errors;
                return Page();
            default:
                return Forbid();
        }
    }
}
