using Himaya.Platform;
using Microsoft.Extensions.Localization;

namespace Himaya.Features.Violence.Pages;

/// <summary>What the shared report fields need: the page (errors), texts, the posted values and the districts to choose from.</summary>
public sealed record ReportFieldsModel(IFormPage Page, IStringLocalizer T, Func<string, string?> Value,
    IReadOnlyList<(string Value, string Text)> Districts, bool Public);
