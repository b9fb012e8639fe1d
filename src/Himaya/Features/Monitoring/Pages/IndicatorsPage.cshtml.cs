using System.Globalization;
using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Monitoring.Pages;

/// <summary>The indicators: code, name in the reader's language, unit, status and how many values each holds.</summary>
public sealed class IndicatorsPageModel(IndicatorStore store, ComputedIndicators computed) : HimayaPage
{
    public IReadOnlyList<IndicatorView> Indicators { get; private set; } = [];
    public IReadOnlyDictionary<string, NationalPicture> National { get; private set; } = new Dictionary<string, NationalPicture>();
    public bool Computed { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool? done, CancellationToken ct)
    {
        Computed = done == true;
        if (await store.ListAsync(Me, ct) is not Outcome<IReadOnlyList<IndicatorView>>.Ok ok) return ForbiddenPage();
        Indicators = ok.Value;
        National = await store.NationalAsync(ct);
        return Page();
    }

    /// <summary>A new indicator from the form (the API's POST /api/v1/indicators); refused, the form comes back with its values.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var e = new FieldErrors();
        var unit = EnumNames.TryParse<IndicatorUnit>(Value("unit"), false, out var u) ? u : (IndicatorUnit?)null;
        var direction = EnumNames.TryParse<IndicatorDirection>(Value("direction"), false, out var d) ? d : (IndicatorDirection?)null;
        var articles = new List<int>();
        foreach (var part in (Value("crcArticles") ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var a)) articles.Add(a);
            else { e.Add(MonitoringErrors.CrcArticles()); break; }
        }
        if (e.IsEmpty)
        {
            var input = new IndicatorInput(Value("code"), new(Value("name.az"), Value("name.en"), Value("name.ru")), unit, direction, null, Value("source"),
                IndicatorStatus.Draft, Value("numerator"), Value("denominator"), [.. Values("disaggregations")], Value("sdgTarget"), articles,
                Definitions: new(Value("definitions.az"), Value("definitions.en"), Value("definitions.ru")));
            switch (await store.CreateAsync(Me, input, ct))
            {
                case Outcome<IndicatorView>.Ok ok: return Redirect($"/indicators/{Uri.EscapeDataString(ok.Value.Code)}");
                case Outcome<IndicatorView>.Invalid bad: e = bad.Errors; break;
                default: return ForbiddenPage();
            }
        }
        Errors = e;
        return await OnGetAsync(null, ct);
    }

    /// <summary>Computes Himaya's own indicators from the registry now (the API's POST /api/v1/indicators/compute).</summary>
    public async Task<IActionResult> OnPostComputeAsync(CancellationToken ct) =>
        await computed.ComputeAsync(Me, ct) is Outcome<IReadOnlyList<ComputedIndicators.Computed>>.Ok ? Redirect("/indicators?done=true") : ForbiddenPage();

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    public string Name(IndicatorView i) => i.Name.In(Culture);
}
