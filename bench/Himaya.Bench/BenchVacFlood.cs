using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Himaya.Features.Violence;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Bench;

/// <summary>
/// `himaya-bench vac-flood --url URL [--seconds 60] [--flooders 16]`: floods the public report form of a running app from
/// one loopback address (127.0.0.1) while honest reporters send one report each, several a second, from addresses of their own
/// (127.0.1.1…) and a probe reads /health/live twice a second. Then it looks every accepted reference up in the
/// database (same --Database:* as the app). Prints the flood's answers, the honest reporters' success, the probe's
/// latency, and how many accepted reports are missing (must be 0).
/// </summary>
internal static class BenchVacFlood
{
    private sealed record Sent(int Status, string? Reference, double Ms);

    public static async Task<int> RunAsync(string[] args, DatabaseOptions dbOptions)
    {
        string? url = null;
        int seconds = 60, flooders = 16, honest = 5;
        for (var i = 2; i + 1 < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url": url = args[++i]; break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--flooders": flooders = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--honest": honest = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        if (url is null) { Console.Error.WriteLine("usage: himaya-bench vac-flood --url http://127.0.0.1:5090 [--seconds 60] [--flooders 16] [--honest 5] --Database:..."); return 2; }

        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var flood = new ConcurrentBag<Sent>();
        var good = new ConcurrentBag<Sent>();
        var probe = new ConcurrentBag<double>();
        using var flooderClient = Client(url, IPAddress.Parse("127.0.0.1"));
        var tasks = new List<Task>();
        for (var f = 0; f < flooders; f++)
            tasks.Add(Task.Run(async () => { while (DateTime.UtcNow < stop) flood.Add(await SendAsync(flooderClient, "flood")); }));
        // Honest people: every 2 s / honest, a report from an address of its own (127.0.1.x, 127.0.2.x, ...), as a household would.
        tasks.Add(Task.Run(async () =>
        {
            for (var n = 0; DateTime.UtcNow < stop; n++)
            {
                using var client = Client(url, IPAddress.Parse($"127.0.{1 + n / 250}.{1 + n % 250}"));
                good.Add(await SendAsync(client, "honest"));
                await Task.Delay(2000 / honest);
            }
        }));
        using var probeClient = Client(url, IPAddress.Parse("127.0.0.200"));
        tasks.Add(Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                var sw = Stopwatch.StartNew();
                (await probeClient.GetAsync("/health/live")).EnsureSuccessStatusCode();
                probe.Add(sw.Elapsed.TotalMilliseconds);
                await Task.Delay(500);
            }
        }));
        await Task.WhenAll(tasks);

        var accepted = flood.Concat(good).Where(s => s.Status == 202).Select(s => s.Reference!).ToList();
        await using var sp = BenchProvider.Build(dbOptions);
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = 0;
        foreach (var chunk in accepted.Chunk(500)) found += await db.VacReports.CountAsync(r => chunk.Contains(r.Reference));

        string Count(IEnumerable<Sent> s, int status) => s.Count(x => x.Status == status).ToString("N0", CultureInfo.InvariantCulture);
        string P(IEnumerable<double> xs, double q) { var a = xs.Order().ToArray(); return a.Length == 0 ? "-" : a[(int)Math.Min(a.Length - 1, Math.Floor(q * a.Length))].ToString("F1", CultureInfo.InvariantCulture); }
        Console.WriteLine($"vac-flood: {seconds} s, {flooders} flooding connections from 127.0.0.1, {honest} honest reports / 2 s, each from an address of its own");
        Console.WriteLine($"  flood:  {flood.Count:N0} requests ({flood.Count / (double)seconds:F0}/s): 202 {Count(flood, 202)}, 429 {Count(flood, 429)}, other {flood.Count(x => x.Status is not 202 and not 429):N0}; p50 {P(flood.Select(x => x.Ms), .5)} ms, p99 {P(flood.Select(x => x.Ms), .99)} ms");
        Console.WriteLine($"  honest: {good.Count:N0} reports: 202 {Count(good, 202)}, 429 {Count(good, 429)}, other {good.Count(x => x.Status is not 202 and not 429):N0}; p50 {P(good.Select(x => x.Ms), .5)} ms, max {P(good.Select(x => x.Ms), 1)} ms");
        Console.WriteLine($"  probe /health/live: {probe.Count} reads, p50 {P(probe, .5)} ms, p95 {P(probe, .95)} ms, max {P(probe, 1)} ms");
        Console.WriteLine($"  accepted {accepted.Count:N0}, found in the database {found:N0}, lost {accepted.Count - found:N0}");
        return accepted.Count == found ? 0 : 1;
    }

    /// <summary>A client whose connections leave from <paramref name="source"/> (loopback has all of 127/8): the app sees another address.</summary>
    private static HttpClient Client(string url, IPAddress source) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        ConnectCallback = async (ctx, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(ctx.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<Sent> SendAsync(HttpClient client, string who)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var res = await client.PostAsJsonAsync("/api/v1/public/vac-reports", new
            {
                type = "Neglect", description = $"Bench report ({who}): children left alone.", districtCode = "C-GAN", immediateDanger = false,
            });
            string? reference = null;
            if (res.StatusCode == HttpStatusCode.Accepted) reference = (await res.Content.ReadFromJsonAsync<PublicReportReceipt>())!.Reference;
            return new Sent((int)res.StatusCode, reference, sw.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return new Sent(0, null, sw.Elapsed.TotalMilliseconds);
        }
    }
}
