namespace Himaya.Linkage.Linking;

/// <summary>
/// The records of one run, prepared: one table, with the records of the second source (when linking two) after those
/// of the first, so interning and term frequencies are shared. <see cref="SizeA"/> is where the second source starts.
/// </summary>
public sealed class LinkData
{
    public LinkConfig Config { get; }
    public string[] Ids { get; }
    public PreparedField[] Fields { get; }
    public int Count => Ids.Length;
    public int SizeA { get; }
    public bool IsLink => SizeA < Ids.Length;

    private LinkData(LinkConfig config, string[] ids, PreparedField[] fields, int sizeA)
    {
        Config = config;
        Ids = ids;
        Fields = fields;
        SizeA = sizeA;
    }

    /// <summary>Prepares rows read from CSV files. Returns errors naming the file and column when the config does not fit a header.</summary>
    public static (LinkData? Data, List<string> Errors) FromCsv(LinkConfig config, (string Name, string[] Header, List<string[]> Rows) a, (string Name, string[] Header, List<string[]> Rows)? b)
    {
        var errors = new List<string>();
        int[] Columns((string Name, string[] Header, List<string[]> Rows) src)
        {
            var wanted = new[] { config.Id }.Concat(config.Fields.Select(f => f.Column)).ToArray();
            var idx = new int[wanted.Length];
            for (var k = 0; k < wanted.Length; k++)
            {
                idx[k] = Array.IndexOf(src.Header, wanted[k]);
                if (idx[k] < 0) errors.Add($"{src.Name}: no column \"{wanted[k]}\" (the header has: {string.Join(", ", src.Header)})");
            }
            return idx;
        }
        var ca = Columns(a);
        var cb = b is { } bb ? Columns(bb) : null;
        if (errors.Count > 0) return (null, errors);
        var sizeA = a.Rows.Count;
        var n = sizeA + (b?.Rows.Count ?? 0);
        var ids = new string[n];
        string[] Row(int i) => i < sizeA ? a.Rows[i] : b!.Value.Rows[i - sizeA];
        int Col(int i, int k) => i < sizeA ? ca[k] : cb![k];
        for (var i = 0; i < n; i++) ids[i] = Row(i)[Col(i, 0)];
        CheckIds(ids, 0, sizeA, a.Name, errors);
        if (b is { } b2) CheckIds(ids, sizeA, n, b2.Name, errors);
        if (errors.Count > 0) return (null, errors);
        var fields = new PreparedField[config.Fields.Count];
        for (var f = 0; f < fields.Length; f++)
        {
            var column = new string?[n];
            for (var i = 0; i < n; i++) column[i] = Row(i)[Col(i, f + 1)];
            fields[f] = new PreparedField(config.Fields[f], column);
        }
        return (new LinkData(config, ids, fields, sizeA), errors);
    }

    /// <summary>Prepares in-memory records (field values in config order).</summary>
    public static LinkData FromRecords(LinkConfig config, IReadOnlyList<(string Id, string?[] Values)> a, IReadOnlyList<(string Id, string?[] Values)>? b = null)
    {
        var all = b is null ? a : a.Concat(b).ToList();
        var fields = new PreparedField[config.Fields.Count];
        for (var f = 0; f < fields.Length; f++) fields[f] = new PreparedField(config.Fields[f], all.Select(r => r.Values[f]).ToArray());
        return new LinkData(config, all.Select(r => r.Id).ToArray(), fields, a.Count);
    }

    private static void CheckIds(string[] ids, int from, int to, string source, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = from; i < to; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i])) { if (errors.Count < 20) errors.Add($"{source}: row {i - from + 2}: the id is empty"); continue; }
            if (!seen.Add(ids[i]) && errors.Count < 20) errors.Add($"{source}: row {i - from + 2}: id \"{ids[i]}\" appears more than once");
        }
    }
}
