using System.Text;

namespace Himaya.Linkage.Linking;

/// <summary>A line of a CSV file that cannot be read: a quoted field left open (<see cref="Fields"/> null), or a row of <see cref="Fields"/> fields where the header has <see cref="HeaderFields"/>.</summary>
public sealed record CsvProblem(int Line, int? Fields = null, int HeaderFields = 0)
{
    public override string ToString() => Fields is { } n ? $"line {Line}: {n} fields where the header has {HeaderFields}" : $"line {Line}: a quoted field is not closed";
}

/// <summary>A small RFC 4180 reader and writer: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, UTF-8 BOM. Lines without quotes take a fast path.</summary>
public static class Csv
{
    /// <summary>Reads the header and the rows. A row whose field count differs from the header's is an error naming its line.</summary>
    public static (string[] Header, List<string[]> Rows, List<string> Errors) Read(TextReader reader, int maxErrors = 20)
    {
        var (header, rows, problems) = ReadRows(reader, maxErrors);
        return (header, rows, [.. problems.Select(p => p.ToString())]);
    }

    /// <summary>As <see cref="Read"/>, with each problem as a value (for callers that say it in their own words).</summary>
    public static (string[] Header, List<string[]> Rows, List<CsvProblem> Problems) ReadRows(TextReader reader, int maxErrors = 20)
    {
        var rows = new List<string[]>();
        var errors = new List<CsvProblem>();
        string[]? header = null;
        var lineNumber = 0;
        var field = new StringBuilder();
        var fields = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var rowLine = lineNumber;
            if (header is null && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            string[] row;
            if (line.IndexOf('"') < 0)
            {
                if (line.Length == 0 && header is not null) continue; // blank line
                row = line.Split(',');
            }
            else
            {
                // Quoted fields: character by character, reading further lines while a quote is open.
                fields.Clear();
                field.Clear();
                var quoted = false;
                var closed = false;
                while (true)
                {
                    for (var k = 0; k < line.Length; k++)
                    {
                        var c = line[k];
                        if (quoted)
                        {
                            if (c != '"') field.Append(c);
                            else if (k + 1 < line.Length && line[k + 1] == '"') { field.Append('"'); k++; }
                            else quoted = false;
                        }
                        else if (c == '"' && field.Length == 0) quoted = true;
                        else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                        else field.Append(c);
                    }
                    if (!quoted) { closed = true; break; }
                    var next = reader.ReadLine();
                    if (next is null) break;
                    lineNumber++;
                    field.Append('\n');
                    line = next;
                }
                if (!closed && errors.Count < maxErrors) errors.Add(new CsvProblem(rowLine));
                fields.Add(field.ToString());
                row = [.. fields];
            }
            if (header is null) { header = row; continue; }
            if (row.Length != header.Length)
            {
                if (errors.Count < maxErrors) errors.Add(new CsvProblem(rowLine, row.Length, header.Length));
                continue;
            }
            rows.Add(row);
        }
        return (header ?? [], rows, errors);
    }

    public static void WriteRow(TextWriter w, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                w.Write('"');
                w.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                w.Write('"');
            }
            else
            {
                w.Write(f);
            }
        }
        w.Write('\n');
    }
}
