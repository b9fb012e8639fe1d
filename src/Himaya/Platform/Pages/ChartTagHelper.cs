using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Razor.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Himaya.Platform;

/// <summary>
/// <c>&lt;himaya-chart id="..." spec="@spec" /&gt;</c>: a chart any page can show. The figures travel as a JSON data block
/// beside the canvas (never executed, so the CSP's <c>script-src 'self'</c> holds) and wwwroot/js/charts.js draws them with
/// the vendored Chart.js; both scripts are added once per page, after the first chart. Hidden (suppressed) figures are
/// left out of the drawing and named in a note. For people who cannot see the canvas the figures are a table: the page's
/// own (<see cref="ChartSpec.TableId"/>) or one the chart brings, folded away.
/// </summary>
[HtmlTargetElement("himaya-chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChartTagHelper(IStringLocalizer<Texts> t, IFileVersionProvider versions) : TagHelper
{
    private const string ScriptsAdded = "himaya-chart-scripts";
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    // Escapes <, > and & too, so nothing in a label can close the data block.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Id { get; set; } = "";
    public ChartSpec Spec { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var s = Spec;
        var hidden = Hidden(s);
        // A hidden figure's label carries a mark in the drawing, explained by the note under it.
        var labels = s.Labels.Select((l, i) => hidden.Any(h => h.Index == i) ? l + " *" : l).ToList();
        var data = JsonSerializer.Serialize(new { kind = s.Kind, labels, series = s.Series, s.LabelTitle, s.ValueTitle, s.Percent }, JsonOptions);

        var sb = new StringBuilder();
        sb.Append($"<figcaption>{E(s.Title)}</figcaption>");
        var box = s.Kind == ChartKind.Doughnut ? "plot-box round" : "plot-box";
        sb.Append($"<div class=\"{box}\"><canvas role=\"img\" aria-label=\"{E(s.Title)}\"></canvas></div>");
        sb.Append($"<script type=\"application/json\" class=\"chart-data\">{data}</script>");
        if (hidden.Count > 0)
            sb.Append($"<p class=\"hint plot-hidden\">{E(t["Chart.Hidden", s.MinCell, string.Join(", ", hidden.Select(h => h.Name))])}</p>");
        if (s.TableId is { } table) sb.Append($"<p class=\"hint\"><a href=\"#{E(table)}\">{E(t["Chart.InTable"])}</a></p>");
        else sb.Append(Table(s));

        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", Id);
        output.Attributes.SetAttribute("class", "plot");
        output.Attributes.SetAttribute("data-chart", "");
        output.Content.SetHtmlContent(sb.ToString());

        var items = ViewContext.HttpContext.Items;
        if (items.ContainsKey(ScriptsAdded)) return;
        items[ScriptsAdded] = true;
        var pathBase = ViewContext.HttpContext.Request.PathBase;
        output.PostElement.AppendHtml(
            $"<script src=\"{E(versions.AddFileVersionToPath(pathBase, "/lib/chartjs/chart.umd.min.js"))}\" defer></script>" +
            $"<script src=\"{E(versions.AddFileVersionToPath(pathBase, "/js/charts.js"))}\" defer></script>");
    }

    /// <summary>The labels (with the series' name when there are several) whose figure is hidden.</summary>
    private static List<(int Index, string Name)> Hidden(ChartSpec s) =>
        [.. s.Labels.SelectMany((l, i) => s.Series.Where(x => i < x.Values.Count && x.Values[i] is null)
            .Select(x => (i, s.Series.Count > 1 ? $"{l} · {x.Label}" : l)))];

    private string Table(ChartSpec s)
    {
        var c = CultureInfo.CurrentCulture;
        string Cell(double? v) => v is not { } x ? t["Chart.HiddenValue"] : s.Percent ? x.ToString("P1", c) : x.ToString("N0", c);
        var sb = new StringBuilder($"<details class=\"plot-table\"><summary>{E(t["Chart.Figures"])}</summary><div class=\"table-wrap\"><table>");
        sb.Append($"<thead><tr><th scope=\"col\">{E(s.LabelTitle)}</th>");
        foreach (var x in s.Series) sb.Append($"<th scope=\"col\" class=\"num\">{E(x.Label)}</th>");
        sb.Append("</tr></thead><tbody>");
        for (var i = 0; i < s.Labels.Count; i++)
        {
            sb.Append($"<tr><th scope=\"row\">{E(s.Labels[i])}</th>");
            foreach (var x in s.Series) sb.Append($"<td class=\"num\">{E(Cell(i < x.Values.Count ? x.Values[i] : null))}</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table></div></details>").ToString();
    }

    private static string E(string? s) => Html.Encode(s ?? "");
}
