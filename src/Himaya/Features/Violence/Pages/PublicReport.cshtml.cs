using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Violence.Pages;

/// <summary>
/// The public report form: no sign-in, anonymous allowed, few required fields, small enough for a cheap phone. Flooding
/// is held back by the same per-address and global limits as the API, and by a field only programs fill in.
/// </summary>
public sealed class PublicReportModel(VacIntake intake, PublicReportGate gate, AdminUnits units) : PublicPage
{
    public string? Reference { get; private set; }
    public bool TooMany { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Districts { get; private set; } = [];

    public void OnGet() => Districts = DistrictChoices.For(units, HimayaPage.Culture);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Districts = DistrictChoices.For(units, HimayaPage.Culture);
        if (!gate.TryEnter(HttpContext.Connection.RemoteIpAddress))
        {
            TooMany = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var parse = new FieldErrors();
        var input = VacForm.Read(Request.Form, parse);
        // A program filled the hidden field: answer as if taken, store nothing (telling it would teach it).
        if (Value(VacForm.Honeypot) is { Length: > 0 })
        {
            Reference = VacIntake.NewReference();
            return Page();
        }
        if (!parse.IsEmpty)
        {
            Errors = VacForm.Merge(parse, VacValidation.Validate(input, units, DateOnly.FromDateTime(DateTime.UtcNow)));
            return Page();
        }
        switch (await intake.ReportPublicAsync(input, HttpContext.Connection.RemoteIpAddress?.ToString(), ct))
        {
            case Outcome<PublicReportReceipt>.Ok ok:
                Reference = ok.Value.Reference;
                return Page();
            case Outcome<PublicReportReceipt>.Invalid bad:
                Errors = VacForm.Merge(parse, bad.Errors);
                return Page();
            default:
                throw new InvalidOperationException("Unexpected outcome.");
        }
    }
}
