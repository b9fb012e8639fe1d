using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Himaya.Features.Violence;

/// <summary>Limits of the public report form (configuration section <c>Vac:PublicLimits</c>).</summary>
public sealed class PublicReportLimits
{
    /// <summary>Reports one address may send in <see cref="PerAddressWindowMinutes"/>.</summary>
    public int PerAddress { get; set; } = 5;
    public int PerAddressWindowMinutes { get; set; } = 10;
    /// <summary>Reports from everyone together per minute: a ceiling against a flood from many addresses, far above real use.</summary>
    public int GlobalPerMinute { get; set; } = 600;
}

/// <summary>
/// Flood protection of the public report form without any outside service: a sliding window per address and one for
/// everyone. One address flooding uses up its own window only; everyone else keeps reporting until the global ceiling,
/// which only a flood from very many addresses reaches. In memory: one app process (ADR-009).
/// </summary>
public sealed class PublicReportGate : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _perAddress;
    private readonly SlidingWindowRateLimiter _global;

    public PublicReportGate(IOptions<VacOptions> options)
    {
        var l = options.Value.PublicLimits;
        _perAddress = PartitionedRateLimiter.Create<IPAddress, IPAddress>(ip => RateLimitPartition.GetSlidingWindowLimiter(ip, _ =>
            new SlidingWindowRateLimiterOptions
            {
                PermitLimit = l.PerAddress, Window = TimeSpan.FromMinutes(l.PerAddressWindowMinutes), SegmentsPerWindow = 5, QueueLimit = 0,
            }));
        _global = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = l.GlobalPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
        });
    }

    /// <summary>May this address send a report now? Takes a permit from its window and the global one.</summary>
    public bool TryEnter(IPAddress? address)
    {
        using var own = _perAddress.AttemptAcquire(address ?? IPAddress.None);
        if (!own.IsAcquired) return false;
        using var all = _global.AttemptAcquire();
        return all.IsAcquired;
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _global.Dispose();
    }
}
