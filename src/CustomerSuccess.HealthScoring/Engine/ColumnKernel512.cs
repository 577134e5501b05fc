using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Scores columns eight accounts at a time entirely in 512-bit lanes, for a model whose curves are all built in
/// (linear, steps, boolean, piecewise): curve scores, weighted sum, clamp, gates, band count and the 16-byte results
/// themselves. Each lane goes through the operations of the scalar path (<c>Combine</c>, the curves' <c>Score</c>,
/// the gates) in the same order, so the results are identical; a property test holds it to that.
/// </summary>
/// <remarks>
/// The block loop makes no call: a call inside it would make the JIT keep the loop's vectors in memory. A block with
/// a value that is not finite stops the loop, and the scorer's scalar path takes that block.
/// </remarks>
internal sealed class ColumnKernel512
{
    private const int Lanes = 8;

    private readonly CurveKind[] _kinds;
    private readonly int[] _first; // where each signal's curve parameters start in _parameters
    private readonly int[] _segments; // steps, or piecewise segments
    private readonly double[] _parameters;
    private readonly double[] _weights;
    private readonly double[] _bandLowerBounds;
    private readonly LaneGate[] _gates; // floors first, then caps: the scalar order
    private readonly long _tail;
    private readonly bool _allLinear;

    private ColumnKernel512(CurveKind[] kinds, int[] first, int[] segments, double[] parameters, double[] weights, double[] bandLowerBounds, LaneGate[] gates, int bandsId)
    {
        _kinds = kinds;
        _first = first;
        _segments = segments;
        _parameters = parameters;
        _weights = weights;
        _bandLowerBounds = bandLowerBounds;
        _gates = gates;
        _tail = HealthScore.BandedTail(bandsId, 0, HealthScoreInfluences.None);
        _allLinear = Array.TrueForAll(kinds, k => k == CurveKind.Linear);
    }

    /// <summary>Gets a value indicating whether this machine and runtime can run the kernel.</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && HealthScore.IsPacked;

    /// <summary>Compiles the kernel, or returns <see langword="null"/> when a curve is not built in.</summary>
    public static ColumnKernel512? TryCreate(IScoreCurve[] curves, double[] allPresentWeights, IEnumerable<(int Signal, HealthGate Gate)> gates, double[] bandLowerBounds, int bandsId)
    {
        var kinds = new CurveKind[curves.Length];
        var first = new int[curves.Length];
        var segments = new int[curves.Length];
        var parameters = new List<double>();
        for (int i = 0; i < curves.Length; i++)
        {
            first[i] = parameters.Count;
            if (curves[i] is Curve.LinearCurve linear)
            {
                kinds[i] = CurveKind.Linear;
                parameters.AddRange([linear.ZeroAt, linear.Scale]);
                continue;
            }

            if (curves[i] is not IDescribedCurve described)
            {
                return null; // a custom curve: only its own Score knows what it does
            }

            CurveOptions curve = described.Describe();
            kinds[i] = curve.Kind;
            switch (curve.Kind)
            {
                case CurveKind.Steps:
                    // [below, then (threshold, score) per step]
                    segments[i] = curve.Points.Count;
                    parameters.Add(curve.Below);
                    foreach (CurvePointOptions step in curve.Points)
                    {
                        parameters.AddRange([step.Raw, step.Score]);
                    }

                    break;
                case CurveKind.Boolean:
                    parameters.AddRange([curve.WhenTrue, curve.WhenFalse]);
                    break;
                case CurveKind.Piecewise:
                    // [first raw, first score, last score, then per segment (upper raw, lower raw, lower score, raw span,
                    // score span)], the spans computed as PiecewiseCurve.Score computes them
                    IList<CurvePointOptions> points = curve.Points;
                    segments[i] = points.Count - 1;
                    parameters.AddRange([points[0].Raw, points[0].Score, points[^1].Score]);
                    for (int s = 1; s < points.Count; s++)
                    {
                        CurvePointOptions a = points[s - 1], b = points[s];
                        parameters.AddRange([b.Raw, a.Raw, a.Score, b.Raw - a.Raw, b.Score - a.Score]);
                    }

                    break;
                default:
                    return null;
            }
        }

        LaneGate[] laneGates = gates.Select(g => new LaneGate(g.Signal, g.Gate.Comparison, g.Gate.Threshold, g.Gate.Effect == GateEffect.Cap, g.Gate.Limit)).ToArray();
        return new ColumnKernel512(kinds, first, segments, [.. parameters], allPresentWeights, bandLowerBounds, laneGates, bandsId);
    }

    /// <summary>Scores whole blocks from <paramref name="start"/> on.</summary>
    /// <returns>Where it stopped: at the first block with a value that is not finite, or where fewer than eight rows remain.</returns>
    public int ScoreBlocks(double[][] columns, int start, int rows, Span<HealthScore> results)
    {
        int signals = columns.Length;
        Span<Vector512<double>> weight = stackalloc Vector512<double>[signals];
        Span<Vector512<double>> zero = stackalloc Vector512<double>[signals]; // linear curves only
        Span<Vector512<double>> scale = stackalloc Vector512<double>[signals];
        for (int i = 0; i < signals; i++)
        {
            weight[i] = Vector512.Create(_weights[i]);
            if (_kinds[i] == CurveKind.Linear)
            {
                zero[i] = Vector512.Create(_parameters[_first[i]]);
                scale[i] = Vector512.Create(_parameters[_first[i] + 1]);
            }
        }

        Vector512<double> hundred = Vector512.Create(100.0);
        int r = start;
        for (; r + Lanes <= rows; r += Lanes)
        {
            nuint at = (nuint)r;
            Vector512<double> rawSum = Vector512<double>.Zero; // finite unless a raw value is not (or the sum overflows)
            Vector512<double> total = _allLinear
                ? WeighLinear(columns, at, weight, zero, scale, hundred, ref rawSum)
                : Weigh(columns, at, weight, zero, scale, hundred, ref rawSum);
            if (!Vector512.EqualsAll(rawSum - rawSum, Vector512<double>.Zero))
            {
                break; // a NaN or infinity (missing), or merely an overflowing sum: either way the scalar path decides
            }

            Finish(columns, at, total, hundred, ref Unsafe.As<HealthScore, long>(ref results[r]));
        }

        return r;
    }

    // The common model, every curve linear: nothing to choose per signal.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> WeighLinear(double[][] columns, nuint at, Span<Vector512<double>> weight, Span<Vector512<double>> zero, Span<Vector512<double>> scale, Vector512<double> hundred, ref Vector512<double> rawSum)
    {
        Vector512<double> total = Vector512<double>.Zero;
        for (int i = 0; i < columns.Length; i = unchecked(i + 1)) // the build checks overflow; here it would cost a branch per signal
        {
            Vector512<double> x = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(columns[i]), at);
            rawSum += x;
            total += weight[i] * ScoreLanes.Clamp((x - zero[i]) * scale[i], Vector512<double>.Zero, hundred);
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<double> Weigh(double[][] columns, nuint at, Span<Vector512<double>> weight, Span<Vector512<double>> zero, Span<Vector512<double>> scale, Vector512<double> hundred, ref Vector512<double> rawSum)
    {
        double[] p = _parameters;
        Vector512<double> total = Vector512<double>.Zero;
        for (int i = 0; i < columns.Length; i = unchecked(i + 1))
        {
            Vector512<double> x = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(columns[i]), at);
            rawSum += x;
            int f = _first[i];
            Vector512<double> score = _kinds[i] switch
            {
                CurveKind.Linear => ScoreLanes.Clamp((x - zero[i]) * scale[i], Vector512<double>.Zero, hundred),
                CurveKind.Steps => Steps(x, p, f, _segments[i]),
                CurveKind.Boolean => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<double>.Zero), Vector512.Create(p[f]), Vector512.Create(p[f + 1])),
                _ => Piecewise(x, p, f, _segments[i], hundred),
            };
            total += weight[i] * score;
        }

        return total;
    }

    // Combine's finish for a block: clamp, gates (floors, then caps), band, and the eight results written as (score bits,
    // band set | band << 32 | has value | influences << 56) pairs interleaved by two permutes: two 64-byte stores.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Finish(double[][] columns, nuint at, Vector512<double> total, Vector512<double> hundred, ref long destination)
    {
        Vector512<double> result = ScoreLanes.Clamp(total, Vector512<double>.Zero, hundred);
        Vector512<long> gated = Vector512<long>.Zero;
        foreach (LaneGate gate in _gates)
        {
            Vector512<double> fires = gate.Fires(Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(columns[gate.Signal]), at));
            Vector512<double> limit = Vector512.Create(gate.Limit);
            result = Vector512.ConditionalSelect(fires, gate.Cap ? Vector512.Min(result, limit) : Vector512.Max(result, limit), result);
            gated |= fires.AsInt64();
        }

        Vector512<long> band = Vector512<long>.Zero;
        for (int b = 1; b < _bandLowerBounds.Length; b++)
        {
            band -= Vector512.GreaterThanOrEqual(result, Vector512.Create(_bandLowerBounds[b])).AsInt64(); // a true lane is -1
        }

        Vector512<long> influences = gated & Vector512.Create((long)HealthScoreInfluences.Gated << 56);
        Vector512<long> tails = Vector512.Create(_tail) | Vector512.ShiftLeft(band, 32) | influences;
        Vector512<long> bits = result.AsInt64();
        Avx512F.PermuteVar8x64x2(bits, Vector512.Create(0L, 8, 1, 9, 2, 10, 3, 11), tails).StoreUnsafe(ref destination); // lane i of the first source, 8 + i of the second
        Avx512F.PermuteVar8x64x2(bits, Vector512.Create(4L, 12, 5, 13, 6, 14, 7, 15), tails).StoreUnsafe(ref destination, Lanes);
    }

    // StepCurve.Score: the score of the last step at or below the raw value (thresholds rise), else "below".
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Steps(Vector512<double> x, double[] p, int f, int steps)
    {
        Vector512<double> score = Vector512.Create(p[f]);
        for (int s = 0; s < steps; s++)
        {
            int at = f + 1 + (2 * s);
            score = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512.Create(p[at])), Vector512.Create(p[at + 1]), score);
        }

        return score;
    }

    // PiecewiseCurve.Score: the first segment whose upper raw value is at or above x decides, so segments are laid on
    // from the last to the first; at or below the first point its score, above the last the last score.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Piecewise(Vector512<double> x, double[] p, int f, int segments, Vector512<double> hundred)
    {
        Vector512<double> score = Vector512.Create(p[f + 2]);
        for (int s = segments - 1; s >= 0; s--)
        {
            int at = f + 3 + (5 * s);
            Vector512<double> between = Vector512.Create(p[at + 2]) + ((x - Vector512.Create(p[at + 1])) / Vector512.Create(p[at + 3]) * Vector512.Create(p[at + 4]));
            score = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(x, Vector512.Create(p[at])), ScoreLanes.Clamp(between, Vector512<double>.Zero, hundred), score);
        }

        return Vector512.ConditionalSelect(Vector512.LessThanOrEqual(x, Vector512.Create(p[f])), Vector512.Create(p[f + 1]), score);
    }

    private readonly record struct LaneGate(int Signal, GateComparison Comparison, double Threshold, bool Cap, double Limit)
    {
        // HealthGate.Fires, lane by lane: all ones where the gate fires.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> Fires(Vector512<double> x)
        {
            Vector512<double> threshold = Vector512.Create(Threshold);
            return Comparison switch
            {
                GateComparison.AtLeast => Vector512.GreaterThanOrEqual(x, threshold),
                GateComparison.Above => Vector512.GreaterThan(x, threshold),
                GateComparison.AtMost => Vector512.LessThanOrEqual(x, threshold),
                _ => Vector512.LessThan(x, threshold),
            };
        }
    }
}
