using Himaya.Features.Services;
using Himaya.Platform;
using Microsoft.Extensions.Localization;

namespace Himaya.Features.Cases.Pages;

/// <summary>What the referral form's service picker needs: the page (errors), texts, the services as they stand for this child, the taxonomy's names and the chosen one.</summary>
public sealed record ServicePickerModel(IFormPage Page, IStringLocalizer T, IReadOnlyList<ServiceChoice> Services, IReadOnlyList<ServiceTypeView> Types, string? Picked,
    IReadOnlyDictionary<string, string>? AllNames = null)
{
    public string TypeName(string code) => AllNames?.GetValueOrDefault(code) ?? Types.FirstOrDefault(t => t.Code == code)?.Name ?? code;
}
