using System.Numerics;

namespace Himaya.Deprivation;

/// <summary>
/// Standard errors of H and M0 for survey data by Taylor linearisation, the method of Stata's svy and R's survey package:
/// both are ratios R = Y / X of weighted totals (X the weighted children of the group, Y those deprived at k, or their
/// weighted scores / D), linearised per child as u = w (y − R x) / X and summed per primary sampling unit (PSU). The
/// variance is Σ_h n_h / (n_h − 1) Σ_c (U_hc − Ū_h)² over strata h with n_h PSUs — PSUs taken with replacement. A group
/// is a domain: its u is 0 outside it, and every PSU of a stratum counts. Strata with one PSU add nothing (counted and
/// reported). Without a cluster column each child is its own PSU; without a strata column there is one stratum.
/// </summary>
internal static class SurveyVariance
{
    public const string Method = "Taylor linearisation (with-replacement PSUs); 95% CI = estimate ± 1.96 SE";

    /// <summary>Fills SeH and SeM0 of every group's (and the total's) measures.</summary>
    public static DeprivationResult Apply(DeprivationResult r, Framework framework, ChildTable t)
    {
        var d = framework.Dimensions.Count;
        var ks = r.Ks;
        var kCount = ks.Length;
        var w = framework.NormalisedWeights;
        var dimIndicators = framework.Dimensions.Select(x => x.Indicators.Select(t.IndicatorIndex).ToArray()).ToArray();
        var allIndicators = framework.Indicators.Select(t.IndicatorIndex).ToArray();
        var drop = framework.Missing == MissingRule.Drop;
        var sizes = t.GroupLabels.Select(l => Math.Max(1, l.Length)).ToArray();

        // PSUs numbered densely; their stratum remembered; PSUs per stratum counted over all children (dropped included:
        // the design does not change with missing data).
        var psuOf = new int[t.Count];
        var psuIndex = new Dictionary<(int, int), int>();
        var psuStratum = new List<int>();
        for (var i = 0; i < t.Count; i++)
        {
            var key = (t.Strata?[i] ?? 0, t.Clusters?[i] ?? i);
            if (!psuIndex.TryGetValue(key, out var p))
            {
                psuIndex[key] = p = psuStratum.Count;
                psuStratum.Add(key.Item1);
            }
            psuOf[i] = p;
        }
        var psusPerStratum = psuStratum.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        // Per (domain, PSU): [x, y_H(k)..., y_M(k)...]; domain -1 is everyone.
        var sums = new Dictionary<(int Domain, int Psu), double[]>();
        double[] Cell(int domain, int psu)
        {
            if (!sums.TryGetValue((domain, psu), out var cell)) sums[(domain, psu)] = cell = new double[1 + (2 * kCount)];
            return cell;
        }
        var values = new sbyte[Framework.MaxIndicators];
        for (var i = 0; i < t.Count; i++)
        {
            uint deprived = 0;
            var anyMissing = false;
            foreach (var j in allIndicators) anyMissing |= t.Indicators[j][i] < 0;
            if (drop && anyMissing) continue;
            for (var k = 0; k < d; k++)
            {
                var inds = dimIndicators[k];
                for (var j = 0; j < inds.Length; j++) values[j] = t.Indicators[inds[j]][i];
                if (framework.Dimensions[k].Status(values.AsSpan(0, inds.Length)).Deprived) deprived |= 1u << k;
            }
            var score = 0.0;
            for (var bits = deprived; bits != 0; bits &= bits - 1) score += w[BitOperations.TrailingZeroCount(bits)];
            score *= d;
            var weight = t.Weights?[i] ?? 1.0;
            var gi = 0;
            for (var c = 0; c < t.GroupCodes.Length; c++) gi = (gi * sizes[c]) + t.GroupCodes[c][i];
            foreach (var domain in t.GroupCodes.Length > 0 ? new[] { -1, gi } : [-1])
            {
                var cell = Cell(domain, psuOf[i]);
                cell[0] += weight;
                for (var k = 0; k < kCount; k++)
                {
                    if (score < ks[k] - 1e-9) continue;
                    cell[1 + k] += weight;
                    cell[1 + kCount + k] += weight * score / d;
                }
            }
        }

        // Each domain's cells once (a lookup, not a scan of every cell per domain: many groups made that quadratic).
        var byDomain = sums.ToLookup(s => s.Key.Domain);
        (double[] SeH, double[] SeM0) Errors(int domain)
        {
            var cells = byDomain[domain].ToList();
            var x = cells.Sum(c => c.Value[0]);
            var seH = new double[kCount];
            var seM = new double[kCount];
            if (x <= 0) { Array.Fill(seH, double.NaN); Array.Fill(seM, double.NaN); return (seH, seM); }
            for (var k = 0; k < kCount; k++)
            {
                foreach (var (offset, target) in new[] { (1 + k, seH), (1 + kCount + k, seM) })
                {
                    var ratio = cells.Sum(c => c.Value[offset]) / x;
                    // Per stratum: Σ U and Σ U² over its PSUs (PSUs without the domain have U = 0 and add nothing to either).
                    var byStratum = new Dictionary<int, (double Sum, double Squares)>();
                    foreach (var (key, cell) in cells)
                    {
                        var u = (cell[offset] - (ratio * cell[0])) / x;
                        var h = psuStratum[key.Psu];
                        var (s1, s2) = byStratum.GetValueOrDefault(h);
                        byStratum[h] = (s1 + u, s2 + (u * u));
                    }
                    var variance = 0.0;
                    foreach (var (h, (s1, s2)) in byStratum)
                    {
                        var n = psusPerStratum[h];
                        if (n < 2) continue;
                        variance += n / (n - 1.0) * (s2 - (s1 * s1 / n));
                    }
                    target[k] = Math.Sqrt(Math.Max(0, variance));
                }
            }
            return (seH, seM);
        }

        GroupMeasures With(GroupMeasures g, int domain)
        {
            var (seH, seM) = Errors(domain);
            var byK = g.ByK.Select((m, k) => m with { SeH = seH[k], SeM0 = seM[k] }).ToArray();
            return g.With(byK, g.Exactly, g.AtLeast, g.DimensionHeadcount, g.IndicatorHeadcount, g.Suppressed, g.MinCell);
        }

        var groups = r.Groups.Select(g =>
        {
            var gi = 0;
            for (var c = 0; c < g.By.Length; c++) gi = (gi * sizes[c]) + Array.IndexOf(t.GroupLabels[c], g.By[c]);
            return With(g, gi);
        }).ToList();
        return r with
        {
            Total = With(r.Total, -1), Groups = groups, VarianceMethod = Method,
            SinglePsuStrata = psusPerStratum.Count(s => s.Value < 2),
        };
    }
}
