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
}
