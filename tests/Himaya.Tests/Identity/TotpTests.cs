using System.Text;
using Himaya.Features.Identity;
using Shouldly;

namespace Himaya.Tests.Identity;

public sealed class TotpTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    // RFC 6238 appendix B (SHA-1), last six of the eight digits.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Codes_match_the_rfc_test_vectors(long unixSeconds, string expected) =>
        Totp.Code(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);

    [Fact]
    public void Base32_round_trips_and_reads_the_rfc_secret()
    {
        Totp.ToBase32(RfcSecret).ShouldBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        Totp.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").ShouldBe(RfcSecret);
        var random = Totp.NewSecret();
        Totp.FromBase32(Totp.ToBase32(random)).ShouldBe(random);
        Should.Throw<FormatException>(() => Totp.FromBase32("ABC1"));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_only_once()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_015);
        var step = Totp.StepAt(now);
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step), now, null).ShouldBe(step);
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step - 1), now, null).ShouldBe(step - 1);
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step + 1), now, null).ShouldBe(step + 1);
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step + 2), now, null).ShouldBeNull();
        Totp.Verify(RfcSecret, Totp.Code(RfcSecret, step), now, lastUsedStep: step).ShouldBeNull();
        var spaced = Totp.Code(RfcSecret, step).Insert(3, " ");
        Totp.Verify(RfcSecret, spaced, now, null).ShouldBe(step);
        Totp.Verify(RfcSecret, "12345", now, null).ShouldBeNull();
        Totp.Verify(RfcSecret, null, now, null).ShouldBeNull();
    }
}
