using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Himaya.Platform;

/// <summary>
/// Flows wrapped lines down A4 pages, starting a new page when one is full, with the footer on each: the printable
/// documents (a case summary, the monitoring report pack) in the reader's language, with the app's own fonts.
/// </summary>
public sealed class PdfPrinter
{
    private const string Family = "DejaVu Sans";
    public const double Margin = 50, Width = 595 - 2 * Margin, Bottom = 842 - 60;

    static PdfPrinter()
    {
        // PDFsharp has no system fonts on Linux: the app brings its own (DejaVu, with Azerbaijani and Cyrillic letters).
        if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new EmbeddedFonts();
    }

    private readonly PdfDocument _doc;
    private readonly string _footer;
    private readonly XFont _regular = new(Family, 9.5, XFontStyleEx.Regular);
    private readonly XFont _bold = new(Family, 9.5, XFontStyleEx.Bold);
    private XGraphics _gfx = null!;
    private double _y;

    public PdfPrinter(PdfDocument doc, string footer)
    {
        (_doc, _footer) = (doc, footer);
        NewPage();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _gfx.DrawString(_footer + " · " + _doc.PageCount, new XFont(Family, 7.5, XFontStyleEx.Regular), XBrushes.Gray, new XPoint(Margin, 842 - 30));
        _y = Margin;
    }

    public void Heading(string text, double size)
    {
        _y += 6;
        Write(text, new XFont(Family, size, XFontStyleEx.Bold), 0, Width);
        _y += 2;
    }

    public void Line(string text, bool bold = false) => Write(text, bold ? _bold : _regular, 0, Width);

    public void Field(string label, string value)
    {
        if (_y + 14 > Bottom) NewPage();
        var top = _y;
        Write(label, _bold, 0, 140);
        var afterLabel = _y;
        _y = top;
        Write(value, _regular, 150, Width - 150);
        _y = Math.Max(_y, afterLabel);
    }

    public void Gap() => _y += 6;

    /// <summary>One row of a table: each cell wrapped in its column, the row as tall as its tallest cell (kept on one page).</summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<double> widths, bool bold = false)
    {
        if (_y + 40 > Bottom) NewPage();
        var (top, bottom, x) = (_y, _y, 0d);
        for (var i = 0; i < cells.Count; i++)
        {
            _y = top;
            Write(cells[i], bold ? _bold : _regular, x, widths[i] - 6);
            (bottom, x) = (Math.Max(bottom, _y), x + widths[i]);
        }
        _gfx.DrawLine(XPens.LightGray, Margin, bottom + 1, Margin + widths.Sum(), bottom + 1);
        _y = bottom + 3;
    }

    public void Finish() => _gfx.Dispose();

    private void Write(string text, XFont font, double x, double width)
    {
        var lineHeight = font.Size * 1.35;
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _gfx.MeasureString(candidate, font).Width > width)
                {
                    Draw(line, font, x, lineHeight);
                    line = word;
                }
                else line = candidate;
            }
            Draw(line, font, x, lineHeight);
        }
    }

    private void Draw(string line, XFont font, double x, double lineHeight)
    {
        if (_y + lineHeight > Bottom) NewPage();
        _gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + x, _y + font.Size));
        _y += lineHeight;
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

        public byte[]? GetFont(string faceName)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Himaya.Fonts.{faceName}.ttf");
            if (stream is null) return null;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }
    }
}
