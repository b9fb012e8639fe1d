using System.Diagnostics.CodeAnalysis;

namespace Himaya.Cli;

/// <summary>The opening every verb shares once its arguments are parsed.</summary>
internal static class VerbArguments
{
    /// <summary>
    /// A bad argument prints the problem and the usage on standard error (exit 2); <c>--help</c> (nothing parsed, no
    /// error) prints the usage (exit 0). False: go on with the parsed arguments.
    /// </summary>
    public static bool Stops<T>(string verb, string usage, [NotNullWhen(false)] T? parsed, string? error, out int exit) where T : class
    {
        exit = 0;
        if (error is not null)
        {
            Console.Error.WriteLine($"{verb}: {error}");
            Console.Error.WriteLine(usage);
            exit = 2;
            return true;
        }
        if (parsed is null)
        {
            Console.WriteLine(usage);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Options of the form "--name N", each a whole number from 1 to its maximum, read after the verb's two words;
    /// "--Database:…" settings are skipped (the host reads them). No values and no error: "--help" was asked for.
    /// </summary>
    public static (Dictionary<string, int>? Values, string? Error) WholeNumbers(string[] args, IReadOnlyDictionary<string, (int Default, int Max)> options)
    {
        var values = options.ToDictionary(o => o.Key, o => o.Value.Default, StringComparer.Ordinal);
        for (var i = 2; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--Database:", StringComparison.Ordinal)) { if (!a.Contains('=', StringComparison.Ordinal)) i++; continue; }
            if (a is "--help" or "-h") return (null, null);
            if (i + 1 >= args.Length) return (null, $"{a} needs a value.");
            if (!options.TryGetValue(a, out var option)) return (null, $"unknown argument '{a}'.");
            if (!int.TryParse(args[++i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || n > option.Max)
                return (null, $"{a} must be a whole number from 1 to {option.Max}.");
            values[a] = n;
        }
        return (values, null);
    }
}
