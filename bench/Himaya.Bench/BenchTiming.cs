using System.Diagnostics;
using System.Globalization;

namespace Himaya.Bench;

/// <summary>
/// Times reads the way the page-read benches report them: each read once to warm up (the first call compiles the queries),
/// then <c>runs</c> timed calls in a fresh scope each; prints the rows it returned, the median and the slowest, and every run.
/// </summary>
internal static class BenchTiming
{
    public static async Task PrintAsync(IServiceProvider sp, string firstColumn, string rowsColumn, int runs, IEnumerable<(string Name, Func<IServiceProvider, Task<int>> Read)> reads)
    {
        Console.WriteLine($"{firstColumn,-36} {rowsColumn,8} {"median ms",10} {"max ms",8}  runs (ms)");
        foreach (var (name, read) in reads)
        {
            async Task<(double Ms, int Rows)> Time()
            {
                await using var scope = sp.CreateAsyncScope();
                var sw = Stopwatch.StartNew();
                var rows = await read(scope.ServiceProvider);
                return (sw.Elapsed.TotalMilliseconds, rows);
            }
            await Time();
            var timed = new List<(double Ms, int Rows)>();
            for (var i = 0; i < runs; i++) timed.Add(await Time());
            var times = timed.Select(r => r.Ms).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-36} {timed[0].Rows,8:N0} {times[times.Count / 2],10:N0} {times[^1],8:N0}  {string.Join(", ", timed.Select(r => r.Ms.ToString("N0", CultureInfo.InvariantCulture)))}"));
        }
    }
}
