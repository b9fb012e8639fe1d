using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services.Pages;

/// <summary>
/// One provider: its facts and accreditation (the keepers edit them, with the version they read), its state contracts
/// (the keepers add and end them) and its contact people (the keepers and the provider's own staff keep them).
/// </summary>
public sealed class ProviderPageModel(ProviderRecords records, ServiceTaxonomy taxonomy, ServiceDirectory directory) : HimayaPage
{
    public ProviderDetails Provider { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();
    /// <summary>The types a new contract may buy: the active ones.</summary>
    public IReadOnlyList<ServiceTypeView> Offered { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    /// <summary>Which form was sent and refused ("edit", "propose", "decide", "contract", "end-{id}", "contact"): its fields are refilled and its errors shown.</summary>
    public string? Form { get; private set; }
    public bool Keeper => Me.Can(Permission.ManageServices);
    /// <summary>The facts' form is shown alone (its fields share names with the contact's): asked for, or sent and refused.</summary>
    public bool Editing { get; private set; }
    /// <summary>The staff's proposal form, shown alone for the same reason.</summary>
    public bool Proposing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, string? edit, string? propose, CancellationToken ct)
    {
        if (done is not null) Message = T["Providers.Done"];
        Editing = edit is not null && Keeper;
        Proposing = propose is not null && !Keeper;
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        switch (await records.GetAsync(Me, id, ct))
        {
            case Outcome<ProviderDetails>.Ok ok: Provider = ok.Value; break;
            case Outcome<ProviderDetails>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
        TypeNames = await taxonomy.NamesAsync(Culture, ct);
        Offered = await directory.TypesAsync(Culture, ct);
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct) => SendAsync(id, "edit", f =>
    {
        var r = new ProviderUpdate(f.Int("version"), f.Text("name"), f.Enum<ProviderKind>("kind"), f.Text("taxId"), f.Text("registrationNumber"),
            f.Enum<AccreditationStatus>("accreditation"), f.Date("accreditedOn"), f.Date("accreditationExpiresOn"), f.Text("phone"), f.Text("email"),
            f.Text("address"), f.Text("website"));
        return () => records.UpdateAsync(Me, id, r, ct);
    }, ct);

    public Task<IActionResult> OnPostContractAsync(int id, CancellationToken ct) => SendAsync(id, "contract", f =>
    {
        var r = new ContractInput(f.Text("funder"), f.Text("number"), Amount(f.Text("amount")), f.Date("from"), f.Date("to"), [.. Values("types")]);
        return () => records.AddContractAsync(Me, id, r, ct);
    }, ct);

    public Task<IActionResult> OnPostEndAsync(int id, int contractId, CancellationToken ct) => SendAsync(id, "end-" + contractId.ToString(CultureInfo.InvariantCulture), f =>
    {
        var r = new ContractEnd(f.Date("endedOn"));
        return () => records.EndContractAsync(Me, id, contractId, r, ct);
    }, ct);

    public Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct) => SendAsync(id, "propose", f =>
    {
        var r = new ProposalInput(f.Text("phone"), f.Text("email"), f.Text("address"), f.Text("website"));
        return () => records.ProposeAsync(Me, id, r, ct);
    }, ct);

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct) => SendAsync(id, "decide", f =>
    {
        var r = new ProposalDecision(f.Int("version"), Request.Form["decision"] == "approve" ? true : Request.Form["decision"] == "return" ? false : null, f.Text("reason"));
        return () => records.DecideProposalAsync(Me, id, r, ct);
    }, ct);

    public Task<IActionResult> OnPostContactAsync(int id, CancellationToken ct) => SendAsync(id, "contact", f =>
    {
        var r = new ContactInput(f.Text("name"), f.Text("role"), f.Text("phone"), f.Text("email"));
        return () => records.AddContactAsync(Me, id, r, ct);
    }, ct);

    public Task<IActionResult> OnPostRemoveContactAsync(int id, int contactId, CancellationToken ct) =>
        SendAsync(id, "contacts", _ => () => records.RemoveContactAsync(Me, id, contactId, ct), ct);

    /// <summary>Reads the form into the API's record (values that do not parse become errors), then sends it only if all of them parsed.</summary>
    private async Task<IActionResult> SendAsync(int id, string form, Func<FormReader, Func<Task<Outcome<ProviderDetails>>>> read, CancellationToken ct)
    {
        var send = read(new FormReader(Request.Form, Errors));
        var outcome = Errors.IsEmpty ? await send() : new Outcome<ProviderDetails>.Invalid(Errors);
        switch (outcome)
        {
            case Outcome<ProviderDetails>.Ok: return Redirect($"/providers/{id}?done={form}");
            case Outcome<ProviderDetails>.Invalid bad: Errors = bad.Errors; Form = form; Failed = true; Editing = form == "edit"; Proposing = form == "propose"; return await LoadAsync(id, ct);
            case Outcome<ProviderDetails>.Conflict c: Message = Localise(c); Form = form; Failed = true; Editing = form == "edit"; Proposing = form == "propose"; return await LoadAsync(id, ct);
            case Outcome<ProviderDetails>.NotFound: return NotFoundPage();
            default: return ForbiddenPage();
        }
    }

    /// <summary>An amount as people type it here: spaces between thousands, a comma or a point before the qyəpiks.</summary>
    private decimal? Amount(string? text)
    {
        if (text is null) return null;
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        Errors.Add(ProviderErrors.Amount());
        return null;
    }

    public string TypeName(string code) => TypeNames.GetValueOrDefault(code, code);

    public string Money(decimal amount) => T["Providers.Azn", amount.ToString("N2", CultureInfo.CurrentCulture)];
}
