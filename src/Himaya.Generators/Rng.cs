namespace Himaya.Generators;

/// <summary>xoshiro256** — small, fast, and the same sequence on every runtime for a seed (unlike System.Random's algorithm choice).</summary>
internal sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        _s0 = Mix(seed);
        _s1 = Mix(_s0 ^ 0x9E37_79B9_7F4A_7C15UL);
        _s2 = Mix(_s1 ^ 0x9E37_79B9_7F4A_7C15UL);
        _s3 = Mix(_s2 ^ 0x9E37_79B9_7F4A_7C15UL);
    }

    /// <summary>SplitMix64 finaliser: a good 64-bit hash.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(double p) => NextDouble() < p;
}
