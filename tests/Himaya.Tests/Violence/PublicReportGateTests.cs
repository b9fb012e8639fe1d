using System.Net;
using Himaya.Features.Violence;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Himaya.Tests.Violence;

public sealed class PublicReportGateTests
{
    private static PublicReportGate Gate(int perAddress, int global) =>
        new(Options.Create(new VacOptions { PublicLimits = new() { PerAddress = perAddress, GlobalPerMinute = global } }));

    [Fact]
    public void One_address_flooding_uses_up_its_own_window_and_everyone_else_can_still_report()
    {
        using var gate = Gate(perAddress: 5, global: 600);
        var flooder = IPAddress.Parse("203.0.113.7");
        Enumerable.Range(0, 5).Select(_ => gate.TryEnter(flooder)).ShouldAllBe(x => x);
        Enumerable.Range(0, 100).Select(_ => gate.TryEnter(flooder)).ShouldAllBe(x => !x);
        gate.TryEnter(IPAddress.Parse("198.51.100.1")).ShouldBeTrue();
        gate.TryEnter(IPAddress.Parse("198.51.100.2")).ShouldBeTrue();
    }

    [Fact]
    public void Many_addresses_together_meet_the_global_ceiling()
    {
        using var gate = Gate(perAddress: 5, global: 20);
        var accepted = Enumerable.Range(1, 50).Count(i => gate.TryEnter(IPAddress.Parse($"10.0.0.{i}")));
        accepted.ShouldBe(20);
    }
}
