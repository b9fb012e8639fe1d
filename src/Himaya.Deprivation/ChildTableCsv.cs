using System.Globalization;
using System.Text;

namespace Himaya.Deprivation;

/// <summary>
/// Reads a CSV of children (one row per child, with a header row) into a <see cref="ChildTable"/>: the id column, the
/// framework's indicator columns (1 deprived, 0 not, empty/NA/. missing), an optional sampling-weight column and grouping
/// columns. Streams UTF-8 bytes and parses only the columns asked for, so a 3,000,000-row file reads in seconds. Every
/// problem is reported with its line (the header is line 1) and column; at most <see cref="MaxErrors"/> are listed.
/// </summary>
public static class ChildTableCsv
{
    public const int MaxErrors = 20;

    /// <param name="StrataColumn">Survey design: the stratum of each row.</param>
    /// <param name="ClusterColumn">Survey design: the primary sampling unit (cluster) of each row.</param>
    public sealed record Options(string IdColumn = "id", string? WeightColumn = null, IReadOnlyList<string>? GroupColumns = null, string? StrataColumn = null,
        string? ClusterColumn = null);

    public static (ChildTable? Table, IReadOnlyList<string> Errors) Read(string path, IReadOnlyList<string> indicators, Options options)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, indicators, options);
    }

    public static (ChildTable? Table, IReadOnlyList<string> Errors) Read(Stream stream, IReadOnlyList<string> indicators, Options options)
    {
        var errors = new List<string>();
        var reader = new Utf8CsvReader(stream);
        if (!reader.ReadRow()) return (null, ["the file is empty: a header row is expected"]);
        var header = new string[reader.FieldCount];
        for (var c = 0; c < header.Length; c++) header[c] = reader.FieldText(c).Trim();
        int Find(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.Ordinal));

        var idCol = Find(options.IdColumn);
        if (idCol < 0) errors.Add($"no \"{options.IdColumn}\" column (one row per child, with an id)");
        var indCols = indicators.Select(Find).ToArray();
        for (var i = 0; i < indicators.Count; i++) if (indCols[i] < 0) errors.Add($"the framework's indicator \"{indicators[i]}\" is not a column of the file");
        var weightCol = -1;
        if (options.WeightColumn is { } wc && (weightCol = Find(wc)) < 0) errors.Add($"the weight column \"{wc}\" is not in the file");
        var groupNames = options.GroupColumns ?? [];
        var strataCol = -1;
        if (options.StrataColumn is { } sc && (strataCol = Find(sc)) < 0) errors.Add($"the strata column \"{sc}\" is not in the file");
        var clusterCol = -1;
        if (options.ClusterColumn is { } cc && (clusterCol = Find(cc)) < 0) errors.Add($"the cluster column \"{cc}\" is not in the file");
        var groupCols = groupNames.Select(Find).ToArray();
        for (var i = 0; i < groupNames.Count; i++) if (groupCols[i] < 0) errors.Add($"the grouping column \"{groupNames[i]}\" is not in the file");
        foreach (var dup in header.GroupBy(h => h, StringComparer.Ordinal).Where(x => x.Count() > 1 && x.Key.Length > 0))
            if (dup.Key == options.IdColumn || indicators.Contains(dup.Key) || dup.Key == options.WeightColumn || groupNames.Contains(dup.Key))
                errors.Add($"the column \"{dup.Key}\" appears more than once in the header");
        if (errors.Count > 0) return (null, errors);

        var capacity = 1 << 16;
        var columns = indicators.Select(_ => new sbyte[capacity]).ToArray();
        var weights = weightCol >= 0 ? new double[capacity] : null;
        var codes = groupNames.Select(_ => new int[capacity]).ToArray();
        var labels = groupNames.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var lookups = labels.Select(l => l.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
        // Design columns: codes only (their values are labels of no interest in the output).
        var strata = strataCol >= 0 ? new int[capacity] : null;
        var clusters = clusterCol >= 0 ? new int[capacity] : null;
        var strataCodes = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var clusterCodes = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var idLookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[256];
        var n = 0;
        var line = 1;
        while (reader.ReadRow())
        {
            line = reader.Line;
            if (reader.FieldCount == 1 && reader.Field(0).IsEmpty) continue; // a blank line
            if (reader.FieldCount != header.Length)
            {
                if (Error(errors, $"line {line}: {reader.FieldCount} fields where the header has {header.Length}")) break;
                continue;
            }
            if (n == capacity)
            {
                capacity *= 2;
                for (var i = 0; i < columns.Length; i++) Array.Resize(ref columns[i], capacity);
                if (weights is not null) Array.Resize(ref weights, capacity);
                for (var i = 0; i < codes.Length; i++) Array.Resize(ref codes[i], capacity);
                if (strata is not null) Array.Resize(ref strata, capacity);
                if (clusters is not null) Array.Resize(ref clusters, capacity);
            }
            var bad = false;
            var id = reader.Field(idCol).Trim((byte)' ');
            if (id.IsEmpty) { Error(errors, $"line {line}, column \"{options.IdColumn}\": the id is empty"); bad = true; }
            else
            {
                var len = Encoding.UTF8.GetChars(id, chars.Length >= id.Length ? chars : new char[id.Length]);
                var text = chars.Length >= id.Length ? chars[..len] : Encoding.UTF8.GetString(id).AsSpan();
                if (!idLookup.Add(text)) { Error(errors, $"line {line}, column \"{options.IdColumn}\": the id \"{text}\" appears on an earlier line too"); bad = true; }
            }
            for (var i = 0; i < indCols.Length; i++)
            {
                var v = reader.Field(indCols[i]).Trim((byte)' ');
                sbyte value;
                if (v.Length == 1 && v[0] == (byte)'1') value = 1;
                else if (v.Length == 1 && v[0] == (byte)'0') value = 0;
                else if (Other(v) is { } other) value = other;
                else
                {
                    Error(errors, $"line {line}, column \"{indicators[i]}\": \"{Show(v)}\" is not 1 (deprived), 0 (not deprived) or empty (missing)");
                    bad = true;
                    value = ChildTable.Missing;
                }
                columns[i][n] = value;
            }
            if (weights is not null)
            {
                var v = reader.Field(weightCol).Trim((byte)' ');
                if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0)
                {
                    Error(errors, $"line {line}, column \"{options.WeightColumn}\": \"{Show(v)}\" is not a sampling weight (a number, 0 or more)");
                    bad = true;
                }
                weights[n] = w;
            }
            for (var i = 0; i < groupCols.Length; i++)
            {
                var v = reader.Field(groupCols[i]).Trim((byte)' ');
                var len = Encoding.UTF8.GetChars(v, chars.Length >= v.Length ? chars : new char[v.Length]);
                var text = chars.Length >= v.Length ? chars[..len] : Encoding.UTF8.GetString(v).AsSpan();
                if (!lookups[i].TryGetValue(text, out var code))
                {
                    code = labels[i].Count;
                    lookups[i][text] = code;
                }
                codes[i][n] = code;
            }
            foreach (var (col, target, lookup) in new[] { (strataCol, strata, strataCodes), (clusterCol, clusters, clusterCodes) })
            {
                if (target is null) continue;
                var v = reader.Field(col).Trim((byte)' ');
                var len = Encoding.UTF8.GetChars(v, chars.Length >= v.Length ? chars : new char[v.Length]);
                var text = chars.Length >= v.Length ? chars[..len] : Encoding.UTF8.GetString(v).AsSpan();
                if (!lookup.TryGetValue(text, out var code)) lookup[text] = code = lookup.Dictionary.Count;
                target[n] = code;
            }
            if (errors.Count >= MaxErrors) break;
            if (!bad) n++;
        }
        if (errors.Count >= MaxErrors) errors.Add($"stopped after {MaxErrors} problems");
        if (errors.Count == 0 && n == 0) errors.Add("the file has a header but no rows");
        if (errors.Count > 0) return (null, errors);
        // Groups are reported in the order of their labels: renumber the codes (first seen) in ordinal order.
        var labelArrays = new string[labels.Length][];
        for (var c = 0; c < labels.Length; c++)
        {
            var sorted = labels[c].Keys.Order(StringComparer.Ordinal).ToArray();
            var renumber = new int[sorted.Length];
            for (var i = 0; i < sorted.Length; i++) renumber[labels[c][sorted[i]]] = i;
            var column = codes[c];
            for (var i = 0; i < n; i++) column[i] = renumber[column[i]];
            labelArrays[c] = sorted;
        }
        return (new ChildTable(n, indicators, columns, weights, groupNames, codes, labelArrays) { Strata = strata, Clusters = clusters }, errors);
    }

    /// <summary>
    /// The less common ways files write an indicator (the fast path above takes "1" and "0"): a number equal to 1 or 0
    /// ("1.0", "0.00" — how pandas writes an integer column that has gaps), true/false, and missing as empty, NA, N/A,
    /// NaN, "." or null. Null: not an indicator value.
    /// </summary>
    private static sbyte? Other(ReadOnlySpan<byte> v)
    {
        if (v.IsEmpty) return ChildTable.Missing;
        Span<char> text = stackalloc char[Math.Min(v.Length, 16)];
        if (v.Length > 16) return null;
        for (var i = 0; i < v.Length; i++) text[i] = char.ToLowerInvariant((char)v[i]);
        switch (text)
        {
            case "na" or "n/a" or "nan" or "." or "null" or "none": return ChildTable.Missing;
            case "true" or "yes": return 1;
            case "false" or "no": return 0;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (d == 1) return 1;
            if (d == 0) return 0;
        }
        return null;
    }

    private static string Show(ReadOnlySpan<byte> v)
    {
        var s = Encoding.UTF8.GetString(v);
        return s.Length > 40 ? s[..40] + "…" : s;
    }

    /// <summary>Adds a problem; true when the list is full (the caller stops).</summary>
    private static bool Error(List<string> errors, string message)
    {
        if (errors.Count < MaxErrors) errors.Add(message);
        return errors.Count >= MaxErrors;
    }
}
