using System.Text;

namespace Himaya.Linkage.Linking;

/// <summary>A small RFC 4180 reader and writer: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, UTF-8 BOM.</summary>
public static class Csv
{
    /// <summary>Reads the header and the rows. A row whose field count differs from the header's is an error naming its line.</summary>
    public static (string[] Header, List<string[]> Rows, List<string> Errors) Read(TextReader reader, int maxErrors = 20)
    {
        var rows = new List<string[]>();
        var errors = new List<string>();
        var fields = new List<string>();
        var field = new StringBuilder();
        string[]? header = null;
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var atFieldStart = true;
        var any = false;
        var buffer = new char[1 << 16];
        int read;
        var pendingQuote = false; // saw a quote inside a quoted field: either the end of the field or the first of a doubled pair
        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
        }
        void EndRow()
        {
            EndField();
            if (header is null)
            {
                header = [.. fields];
                if (header.Length > 0 && header[0].Length > 0 && header[0][0] == '\uFEFF') header[0] = header[0][1..];
            }
            else if (fields.Count == 1 && fields[0].Length == 0)
            {
                // blank line: ignored
            }
            else if (fields.Count != header.Length)
            {
                if (errors.Count < maxErrors) errors.Add($"line {rowLine}: {fields.Count} fields where the header has {header.Length}");
            }
            else
            {
                rows.Add([.. fields]);
            }
            fields.Clear();
            any = false;
        }
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var k = 0; k < read; k++)
            {
                var c = buffer[k];
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (c == '"') { field.Append('"'); continue; }
                    quoted = false; // the quote closed the field; c is handled below
                }
                if (quoted)
                {
                    if (c == '"') pendingQuote = true;
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    continue;
                }
                if (!any) { rowLine = line; any = true; }
                switch (c)
                {
                    case '"' when atFieldStart:
                        quoted = true;
                        atFieldStart = false;
                        break;
                    case ',':
                        EndField();
                        break;
                    case '\r':
                        break;
                    case '\n':
                        line++;
                        EndRow();
                        break;
                    default:
                        field.Append(c);
                        atFieldStart = false;
                        break;
                }
            }
        }
        if (quoted && !pendingQuote && errors.Count < maxErrors) errors.Add($"line {rowLine}: a quoted field is not closed");
        if (any || fields.Count > 0 || field.Length > 0) EndRow();
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
