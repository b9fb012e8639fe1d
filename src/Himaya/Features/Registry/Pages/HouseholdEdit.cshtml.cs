using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Registry.Pages;

public sealed class HouseholdEditModel(HouseholdRecords records, AdminUnits units) : HimayaPage
{
    public const int MemberSlots = 4;
    public HouseholdInput Input { get; private set; } = new() { Members = [] };
    public Guid? Id { get; private set; }
    /// <summary>A refusal because of the record's state (another user's change), in the user's language.</summary>
    public string? Conflict { get; private set; }
    public AdminUnits Units => units;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) { Input = new HouseholdInput { Members = [], DistrictCode = Me.Districts.Count == 1 ? Me.Districts.First() : null }; return Page(); }
        var outcome = await records.GetAsync(Me, id.Value, Culture, ct);
        if (outcome is Outcome<HouseholdDto>.Forbidden) return ForbiddenPage();
        if (outcome is not Outcome<HouseholdDto>.Ok ok) return NotFoundPage();
        Input = HouseholdRecords.ToInput(ok.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var errors = new FieldErrors();
        var f = new FormReader(Request.Form, errors);
        var members = new List<HouseholdMemberInput>();
        for (var i = 0; i < MemberSlots; i++)
        {
            var name = f.Text($"members[{i}].fullName");
            var rel = f.Text($"members[{i}].relationship");
            if (name is null && rel is null) continue;
            members.Add(new HouseholdMemberInput(name, rel, f.Enum<Sex>($"members[{i}].sex"), f.Int($"members[{i}].birthYear"), f.Text("head") == i.ToString(CultureInfo.InvariantCulture)));
        }
        Input = new HouseholdInput
        {
            Address = f.Text("address"), DistrictCode = f.Text("districtCode"), Settlement = f.Text("settlement"), Residence = f.Enum<Residence>("residence"),
            HeadName = f.Text("headName"), WaterSource = f.Enum<WaterSource>("waterSource"), Sanitation = f.Enum<Sanitation>("sanitation"),
            Rooms = f.Int("rooms"), People = f.Int("people"), ReceivesTsa = f.TriState("receivesTsa"), OtherIncomeSupport = f.Text("otherIncomeSupport"),
            Members = members, Version = f.Int("version"),
        };
        if (!errors.IsEmpty) { Errors = errors; return Page(); }
        var outcome = id is null ? await records.CreateAsync(Me, Input, Culture, ct) : await records.UpdateAsync(Me, id.Value, Input, Culture, ct);
        switch (outcome)
        {
            case Outcome<HouseholdDto>.Ok ok: return Redirect($"/households/{ok.Value.Id}?saved=true");
            case Outcome<HouseholdDto>.Invalid bad: Errors = bad.Errors; return Page();
            case Outcome<HouseholdDto>.Conflict c: Conflict = Localise(c); Errors = new FieldErrors().Add(c.Refusal!); return Page();
            case Outcome<HouseholdDto>.Forbidden: return ForbiddenPage();
            default: return NotFoundPage();
        }
    }
}
