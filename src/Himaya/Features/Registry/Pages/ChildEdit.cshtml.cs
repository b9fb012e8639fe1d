using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

/// <summary>Register a new child or edit one; runs the same validation and handler as the API.</summary>
public sealed class ChildEditModel(ChildRecords records, AdminUnits units, IntakeMatching matching) : HimayaPage
{
    public const int GuardianSlots = 2;
    public ChildInput Input { get; private set; } = new() { Guardians = [] };
    public Guid? Id { get; private set; }
    /// <summary>A refusal because of the record's state (another user's change), in the user's language.</summary>
    public string? Conflict { get; private set; }
    /// <summary>Probable existing records of the child being registered, shown before it is created.</summary>
    public IntakeMatches? Matches { get; private set; }
    public AdminUnits Units => units;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? household, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Input = new ChildInput { Guardians = [], HouseholdId = household, DistrictCode = Me.Districts.Count == 1 ? Me.Districts.First() : null };
            return Page();
        }
        var outcome = await records.GetAsync(Me, id.Value, ct);
        if (outcome is Outcome<Child>.Forbidden) return ForbiddenPage();
        if (outcome is not Outcome<Child>.Ok ok) return NotFoundPage();
        Input = ChildMapping.ToInput(ok.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var errors = new FieldErrors();
        Input = Read(new FormReader(Request.Form, errors));
        if (!errors.IsEmpty)
        {
            Errors = errors;
            return Page();
        }
        // A new registration is first checked against the whole registry; the user goes on only by saying none of the
        // matches is this child. (An incomplete form skips the check: the create below reports what is missing.)
        if (id is null && Request.Form["confirmNew"] != "true"
            && await matching.FindAsync(Me, Input, Culture, ct) is Outcome<IntakeMatches>.Ok { Value.Matches.Count: > 0 } found)
        {
            Matches = found.Value;
            return Page();
        }
        var outcome = id is null ? await records.CreateAsync(Me, Input, ct) : await records.UpdateAsync(Me, id.Value, Input, ct);
        switch (outcome)
        {
            case Outcome<Child>.Ok ok: return Redirect($"/children/{ok.Value.Id}?saved=true");
            case Outcome<Child>.Invalid bad: Errors = bad.Errors; return Page();
            case Outcome<Child>.Conflict c: Conflict = Localise(c); Errors = new FieldErrors().Add(c.Refusal!); return Page();
            case Outcome<Child>.Forbidden: return ForbiddenPage();
            default: return NotFoundPage();
        }
    }

    private static ChildInput Read(FormReader f)
    {
        var functioning = new Dictionary<FunctioningDomain, Difficulty>();
        foreach (var d in Enum.GetValues<FunctioningDomain>())
            if (f.Enum<Difficulty>("functioning." + d) is { } level) functioning[d] = level;
        var guardians = new List<GuardianInput>();
        for (var i = 0; i < GuardianSlots; i++)
        {
            var name = f.Text($"guardians[{i}].fullName");
            var rel = f.Text($"guardians[{i}].relationship");
            var phone = f.Text($"guardians[{i}].phone");
            if (name is not null || rel is not null || phone is not null) guardians.Add(new GuardianInput(name, rel, phone));
        }
        return new ChildInput
        {
            GivenName = f.Text("givenName"), Surname = f.Text("surname"), Patronymic = f.Text("patronymic"), Sex = f.Enum<Sex>("sex"),
            BirthDate = f.Date("birthDate"), BirthDateEstimated = f.Check("birthDateEstimated"), Fin = f.Text("fin"),
            BirthCertificateNumber = f.Text("birthCertificateNumber"), BirthRegistered = f.TriState("birthRegistered"),
            Functioning = functioning, OfficialDisabilityStatus = f.TriState("officialDisabilityStatus"), DisabilityCategory = f.Text("disabilityCategory"),
            CareArrangement = f.Enum<CareArrangement>("careArrangement"), DistrictCode = f.Text("districtCode"), Settlement = f.Text("settlement"),
            Residence = f.Enum<Residence>("residence"), Displacement = f.Enum<Displacement>("displacement"), Enrolment = f.Enum<Enrolment>("enrolment"),
            SchoolName = f.Text("schoolName"), Immunisation = f.Enum<Immunisation>("immunisation"), ReceivesTsa = f.TriState("receivesTsa"),
            HouseholdId = f.Guid("householdId"), RelationshipToHead = f.Text("relationshipToHead"), Guardians = guardians, Version = f.Int("version"),
        };
    }
}
