namespace Himaya.Generators;

/// <summary>A keyed bijection on [0, m) (balanced Feistel network with cycle walking): unique identifiers without remembering them.</summary>
internal static class Permutation
{
    public static ulong Apply(ulong x, ulong m, int halfBits, ulong key)
    {
        if (x >= m) throw new ArgumentOutOfRangeException(nameof(x));
        do x = Feistel(x, halfBits, key); while (x >= m);
        return x;
    }

    private static ulong Feistel(ulong x, int h, ulong key)
    {
        var mask = (1UL << h) - 1;
        ulong l = x >> h, r = x & mask;
        for (ulong round = 0; round < 4; round++)
        {
            var f = Rng.Mix(r ^ key ^ (round << 56)) & mask;
            (l, r) = (r, l ^ f);
        }
        return (l << h) | r;
    }
}
