using System.Globalization;
using System.Text;
using Himaya.Platform;
using Microsoft.Extensions.Localization;
using PdfSharp.Pdf;

namespace Himaya.Features.Monitoring;

/// <summary>
/// The report pack as files in the reader's language: a PDF to print (clusters, then goals), and one table of every
/// line (CSV or XLSX) with the cluster and goal in columns, so a spreadsheet can regroup it.
/// </summary>
public sealed class ReportPackFiles(IStringLocalizer<Texts> t, AdminUnits units)
{
    private string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public string PlaceName(string place) => place == IndicatorStore.Nation ? t["Indicators.Nation"] : units.DisplayName(place, Culture);

    public string Cluster(string key) => t["Report.Crc." + key];

    public string Goal(string key) => key == CrcClusters.None ? t["Report.NoSdg"] : t["Report.Sdg", key];

    public string Track(TrackStatus? track) => track is { } s ? t["Enum.TrackStatus." + s] : "";

    public static string Number(decimal value, IndicatorUnit unit) =>
        value.ToString("#,0.####", CultureInfo.CurrentCulture) + (unit == IndicatorUnit.Percent ? "%" : "");

    private IReadOnlyList<string> Header =>
    [
        t["Indicators.Code"], t["Indicators.Name"], t["Report.Cluster"], t["Report.Goal"], "SDG", "CRC", t["Report.LatestPeriod"], t["Report.Latest"],
        t["Report.TargetPeriod"], t["Report.Target"], t["Report.Track"],
    ];

    private IEnumerable<IReadOnlyList<object?>> Rows(ReportPackView pack) =>
        pack.Crc.SelectMany(s => s.Lines.Select(l => (IReadOnlyList<object?>)
        [
            l.Code, l.Name.In(Culture), Cluster(s.Key), Goal(CrcClusters.Goal(l.SdgTarget)), l.SdgTarget, string.Join(", ", l.CrcArticles),
            l.Latest?.Period, l.Latest?.Value, l.NextTarget?.Period, l.NextTarget?.Value, Track(l.Track),
        ]));

    public byte[] Xlsx(ReportPackView pack) => XlsxTable.Write(new XlsxSheet(t["Report.Sheet"], Header, Rows(pack)));

    public byte[] Csv(ReportPackView pack) => CsvCells.Write(new XlsxSheet(t["Report.Sheet"], Header, Rows(pack)));

    public byte[] Pdf(ReportPackView pack, string printedBy)
    {
        using var doc = new PdfDocument();
        var title = t["Report.Title"] + " · " + PlaceName(pack.Place);
        doc.Info.Title = title;
        var w = new PdfPrinter(doc, t["Pdf.Footer", printedBy, Ui.Time(pack.At)]);
        w.Heading(title, 16);
        w.Line(t["Report.Lead"]);
        double[] widths = [185, 75, 75, 80, 80];
        void Section(string heading, IReadOnlyList<ReportLine> lines)
        {
            w.Heading(heading, 12);
            w.Row([t["Indicators.Name"], t["Report.Latest"], t["Report.Target"], t["Report.Track"], "SDG · CRC"], widths, bold: true);
            foreach (var l in lines)
                w.Row([
                    $"{l.Name.In(Culture)} ({l.Code})",
                    l.Latest is { } v ? $"{Number(v.Value, l.Unit)} ({v.Period})" : "—",
                    l.NextTarget is { } g ? $"{Number(g.Value, l.Unit)} ({g.Period})" : "—",
                    Track(l.Track),
                    string.Join(" · ", new[] { l.SdgTarget, l.CrcArticles.Count > 0 ? string.Join(", ", l.CrcArticles) : null }.Where(x => x is not null)),
                ], widths);
        }
        w.Heading(t["Report.ByCrc"], 14);
        foreach (var s in pack.Crc) Section(Cluster(s.Key), s.Lines);
        w.Heading(t["Report.BySdg"], 14);
        foreach (var s in pack.Sdg) Section(Goal(s.Key), s.Lines);
        w.Finish();
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }
}
