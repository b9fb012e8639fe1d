using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>
/// Taking a report: the hotline operator while the caller talks (keyboard first: the type has focus, Ctrl+Enter sends),
/// or a teacher, health worker or police officer signed in. The answer is the reference and the deadline.
/// </summary>
public sealed class ReportNewModel(VacIntake intake, AdminUnits units) : HimayaPage
{
    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];
    public ReportCreated? Created { get; private set; }

    public IActionResult OnGet()
    {
        if (!Me.Can(Permission.ReportViolence)) return Forbid();
        Districts = DistrictChoices.For(units, Culture);
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
