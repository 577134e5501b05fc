using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Scores columns a block of accounts at a time entirely in vector lanes (eight with AVX-512, four with AVX2, two with
/// SSE or AdvSimd): curve scores (built-in curves in lanes, a custom curve lane by lane through its own Score),
/// weighted sum, clamp, gates, band count and the 16-byte results themselves. Each lane goes through the operations of
/// the scalar path (<c>Combine</c>, the curves' <c>Score</c>, the gates) in the same order, so the results are
/// identical; property tests hold it to that at every width (.ci/run switches the wider ones off in turn).
/// </summary>
/// <remarks>
/// The block loop makes no call unless the model has a custom curve: a call inside it makes the JIT keep the loop's
/// vectors in memory. A block with a value that is not finite stops the loop, and the scorer's scalar path takes that
/// block.
/// </remarks>
internal sealed class ColumnKernel
{
    private readonly LaneCurve[] _kinds;
    private readonly IScoreCurve?[]? _custom; // the curves only their own Score knows, by signal; null when there are none
    private readonly int[] _first; // where each signal's curve parameters start in _parameters
    private readonly int[] _segments; // steps, or piecewise segments
    private readonly double[] _parameters;
    private readonly double[] _weights;
    private readonly double[] _bandLowerBounds;
    private readonly LaneGate[] _gates; // floors first, then caps: the scalar order
    private readonly long _tail;
    private readonly bool _allLinear;

    private ColumnKernel(LaneCurve[] kinds, IScoreCurve?[]? custom, int[] first, int[] segments, double[] parameters, double[] weights, double[] bandLowerBounds, LaneGate[] gates, int bandsId)
    {
        _kinds = kinds;
        _custom = custom;
        _first = first;
        _segments = segments;
        _parameters = parameters;
        _weights = weights;
        _bandLowerBounds = bandLowerBounds;
        _gates = gates;
        _tail = HealthScore.BandedTail(bandsId, 0, HealthScoreInfluences.None);
        _allLinear = Array.TrueForAll(kinds, k => k == LaneCurve.Linear);
    }

    /// <summary>Gets a value indicating whether this machine and runtime can run the kernel.</summary>
    public static bool IsSupported => HealthScore.IsPacked && (Lanes512.IsSupported || Lanes256.IsSupported || Lanes128.IsSupported);

    /// <summary>Gets how many accounts a block holds: the widest lanes the machine has.</summary>
    public static int BlockSize => Lanes512.IsSupported ? Lanes512.Count : Lanes256.IsSupported ? Lanes256.Count : Lanes128.Count;

    /// <summary>Compiles the kernel for a model.</summary>
    public static ColumnKernel Create(IScoreCurve[] curves, double[] allPresentWeights, IEnumerable<(int Signal, HealthGate Gate)> gates, double[] bandLowerBounds, int bandsId)
    {
        var kinds = new LaneCurve[curves.Length];
        var custom = new IScoreCurve?[curves.Length];
        var first = new int[curves.Length];
        var segments = new int[curves.Length];
        var parameters = new List<double>();
        for (int i = 0; i < curves.Length; i++)
        {
            first[i] = parameters.Count;
            if (curves[i] is Curve.LinearCurve linear)
            {
                kinds[i] = LaneCurve.Linear;
                parameters.AddRange([linear.ZeroAt, linear.Scale]);
                continue;
            }

            if (curves[i] is not IDescribedCurve described)
            {
                kinds[i] = LaneCurve.Custom; // only its own Score knows what it does: called lane by lane
                custom[i] = curves[i];
                continue;
            }

            CurveOptions curve = described.Describe();
            switch (curve.Kind)
            {
                case CurveKind.Steps:
                    kinds[i] = LaneCurve.Steps;
                    // [below, then (threshold, score) per step]
                    segments[i] = curve.Points.Count;
                    parameters.Add(curve.Below);
                    foreach (CurvePointOptions step in curve.Points)
                    {
                        parameters.AddRange([step.Raw, step.Score]);
                    }

                    break;
                case CurveKind.Boolean:
                    kinds[i] = LaneCurve.Boolean;
                    parameters.AddRange([curve.WhenTrue, curve.WhenFalse]);
                    break;
                case CurveKind.Piecewise:
                    kinds[i] = LaneCurve.Piecewise;
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
                    kinds[i] = LaneCurve.Custom; // a built-in kind this kernel does not know yet
                    custom[i] = curves[i];
                    break;
            }
        }

        LaneGate[] laneGates = gates.Select(g => new LaneGate(g.Signal, g.Gate.Comparison, g.Gate.Threshold, g.Gate.Effect == GateEffect.Cap, g.Gate.Limit)).ToArray();
        return new ColumnKernel(kinds, Array.Exists(custom, c => c is not null) ? custom : null, first, segments, [.. parameters], allPresentWeights, bandLowerBounds, laneGates, bandsId);
    }

    /// <summary>Scores whole blocks from <paramref name="start"/> on.</summary>
    /// <returns>Where it stopped: at the first block with a value that is not finite, or where fewer than <see cref="BlockSize"/> rows remain.</returns>
    public int ScoreBlocks(double[][] columns, int start, int rows, Span<HealthScore> results) =>
        Lanes512.IsSupported ? ScoreBlocksAt<Lanes512, Vector512<double>>(columns, start, rows, results)
        : Lanes256.IsSupported ? ScoreBlocksAt<Lanes256, Vector256<double>>(columns, start, rows, results)
        : ScoreBlocksAt<Lanes128, Vector128<double>>(columns, start, rows, results);

    // One compiled loop per kind of model, so that the custom curves' calls never sit in the other loops.
    private int ScoreBlocksAt<TLanes, TVector>(double[][] columns, int start, int rows, Span<HealthScore> results)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged =>
        _allLinear ? ScoreBlocks<TLanes, TVector, AllLinear>(columns, start, rows, results)
        : _custom is null ? ScoreBlocks<TLanes, TVector, BuiltInOnly>(columns, start, rows, results)
        : ScoreBlocks<TLanes, TVector, WithCustom>(columns, start, rows, results);

    private int ScoreBlocks<TLanes, TVector, TModel>(double[][] columns, int start, int rows, Span<HealthScore> results)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
        where TModel : struct, IModelKind
    {
        int signals = columns.Length;
        Span<TVector> weight = stackalloc TVector[signals];
        Span<TVector> zero = stackalloc TVector[signals]; // linear curves only
        Span<TVector> scale = stackalloc TVector[signals];
        for (int i = 0; i < signals; i++)
        {
            weight[i] = TLanes.Create(_weights[i]);
            if (_kinds[i] == LaneCurve.Linear)
            {
                zero[i] = TLanes.Create(_parameters[_first[i]]);
                scale[i] = TLanes.Create(_parameters[_first[i] + 1]);
            }
        }

        int lanes = TLanes.Count;
        Span<double> customLanes = stackalloc double[lanes];
        TVector hundred = TLanes.Create(100.0);
        int r = start;
        for (; r + lanes <= rows; r += lanes)
        {
            nuint at = (nuint)r;
            TVector rawSum = TLanes.Zero; // finite unless a raw value is not (or the sum overflows)
            TVector total = TModel.Kind switch
            {
                ModelKind.AllLinear => WeighLinear<TLanes, TVector>(columns, at, weight, zero, scale, hundred, ref rawSum),
                ModelKind.BuiltInOnly => Weigh<TLanes, TVector>(columns, at, weight, zero, scale, hundred, ref rawSum),
                _ => WeighWithCustom<TLanes, TVector>(columns, at, weight, zero, scale, hundred, customLanes, ref rawSum),
            };
            if (!TLanes.IsZero(TLanes.Subtract(rawSum, rawSum)))
            {
                break; // a NaN or infinity (missing), or merely an overflowing sum: either way the scalar path decides
            }

            Finish<TLanes, TVector>(columns, at, total, hundred, ref Unsafe.As<HealthScore, long>(ref results[r]));
        }

        return r;
    }

    // The common model, every curve linear: nothing to choose per signal.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector WeighLinear<TLanes, TVector>(double[][] columns, nuint at, Span<TVector> weight, Span<TVector> zero, Span<TVector> scale, TVector hundred, ref TVector rawSum)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
    {
        TVector total = TLanes.Zero;
        for (int i = 0; i < columns.Length; i = unchecked(i + 1)) // the build checks overflow; here it would cost a branch per signal
        {
            TVector x = TLanes.Load(columns[i], at);
            rawSum = TLanes.Add(rawSum, x);
            TVector score = TLanes.Clamp(TLanes.Multiply(TLanes.Subtract(x, zero[i]), scale[i]), TLanes.Zero, hundred);
            total = TLanes.Add(total, TLanes.Multiply(weight[i], score));
        }

        return total;
    }

    // Built-in curves of every kind: one choice per signal, and still no call in the loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector Weigh<TLanes, TVector>(double[][] columns, nuint at, Span<TVector> weight, Span<TVector> zero, Span<TVector> scale, TVector hundred, ref TVector rawSum)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
    {
        TVector total = TLanes.Zero;
        for (int i = 0; i < columns.Length; i = unchecked(i + 1))
        {
            TVector x = TLanes.Load(columns[i], at);
            rawSum = TLanes.Add(rawSum, x);
            total = TLanes.Add(total, TLanes.Multiply(weight[i], BuiltIn<TLanes, TVector>(i, x, zero, scale, hundred)));
        }

        return total;
    }

    // A model with a custom curve: that curve's Score is called lane by lane (the calls cost the loop its registers, so
    // only such models take this loop), and only when every lane's raw value is finite, as the scalar path asks it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector WeighWithCustom<TLanes, TVector>(double[][] columns, nuint at, Span<TVector> weight, Span<TVector> zero, Span<TVector> scale, TVector hundred, Span<double> lanes, ref TVector rawSum)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
    {
        TVector total = TLanes.Zero;
        for (int i = 0; i < columns.Length; i++)
        {
            TVector x = TLanes.Load(columns[i], at);
            rawSum = TLanes.Add(rawSum, x);
            TVector score;
            if (_custom![i] is not { } curve)
            {
                score = BuiltIn<TLanes, TVector>(i, x, zero, scale, hundred);
            }
            else if (TLanes.IsZero(TLanes.Subtract(x, x)))
            {
                for (int lane = 0; lane < lanes.Length; lane++)
                {
                    lanes[lane] = curve.Score(TLanes.GetElement(x, lane));
                }

                score = TLanes.Create(lanes);
            }
            else
            {
                score = TLanes.Zero; // a value is not finite: rawSum says so, and the block goes the scalar way
            }

            total = TLanes.Add(total, TLanes.Multiply(weight[i], score));
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector BuiltIn<TLanes, TVector>(int signal, TVector x, Span<TVector> zero, Span<TVector> scale, TVector hundred)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
    {
        double[] p = _parameters;
        int f = _first[signal];
        return _kinds[signal] switch
        {
            LaneCurve.Linear => TLanes.Clamp(TLanes.Multiply(TLanes.Subtract(x, zero[signal]), scale[signal]), TLanes.Zero, hundred),
            LaneCurve.Steps => Steps<TLanes, TVector>(x, p, f, _segments[signal]),
            LaneCurve.Boolean => TLanes.Select(TLanes.GreaterThan(x, TLanes.Zero), TLanes.Create(p[f]), TLanes.Create(p[f + 1])),
            _ => Piecewise<TLanes, TVector>(x, p, f, _segments[signal], hundred),
        };
    }

    // Combine's finish for a block: clamp, gates (floors, then caps), band, and the results written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Finish<TLanes, TVector>(double[][] columns, nuint at, TVector total, TVector hundred, ref long destination)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
    {
        TVector result = TLanes.Clamp(total, TLanes.Zero, hundred);
        TVector gated = TLanes.Zero;
        foreach (LaneGate gate in _gates)
        {
            TVector x = TLanes.Load(columns[gate.Signal], at);
            TVector threshold = TLanes.Create(gate.Threshold);
            TVector fires = gate.Comparison switch
            {
                GateComparison.AtLeast => TLanes.GreaterThanOrEqual(x, threshold),
                GateComparison.Above => TLanes.GreaterThan(x, threshold),
                GateComparison.AtMost => TLanes.LessThanOrEqual(x, threshold),
                _ => TLanes.LessThan(x, threshold),
            };
            TVector limit = TLanes.Create(gate.Limit);
            result = TLanes.Select(fires, gate.Cap ? TLanes.Min(result, limit) : TLanes.Max(result, limit), result);
            gated = TLanes.Or(gated, fires);
        }

        TVector band = TLanes.Zero; // how many band boundaries the score reaches: its band's index
        TVector one = TLanes.Create(1.0);
        for (int b = 1; b < _bandLowerBounds.Length; b++)
        {
            band = TLanes.Add(band, TLanes.And(TLanes.GreaterThanOrEqual(result, TLanes.Create(_bandLowerBounds[b])), one));
        }

        TLanes.Write(ref destination, result, band, gated, _tail);
    }

    // StepCurve.Score: the score of the last step at or below the raw value (thresholds rise), else "below".
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Steps<TLanes, TVector>(TVector x, double[] p, int f, int steps)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
    {
        TVector score = TLanes.Create(p[f]);
        for (int s = 0; s < steps; s++)
        {
            int at = f + 1 + (2 * s);
            score = TLanes.Select(TLanes.GreaterThanOrEqual(x, TLanes.Create(p[at])), TLanes.Create(p[at + 1]), score);
        }

        return score;
    }

    // PiecewiseCurve.Score: the first segment whose upper raw value is at or above x decides, so segments are laid on
    // from the last to the first; at or below the first point its score, above the last the last score.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Piecewise<TLanes, TVector>(TVector x, double[] p, int f, int segments, TVector hundred)
        where TLanes : struct, ILanes<TVector>
        where TVector : unmanaged
    {
        TVector score = TLanes.Create(p[f + 2]);
        for (int s = segments - 1; s >= 0; s--)
        {
            int at = f + 3 + (5 * s);
            TVector between = TLanes.Add(TLanes.Create(p[at + 2]), TLanes.Multiply(TLanes.Divide(TLanes.Subtract(x, TLanes.Create(p[at + 1])), TLanes.Create(p[at + 3])), TLanes.Create(p[at + 4])));
            score = TLanes.Select(TLanes.LessThanOrEqual(x, TLanes.Create(p[at])), TLanes.Clamp(between, TLanes.Zero, hundred), score);
        }

        return TLanes.Select(TLanes.LessThanOrEqual(x, TLanes.Create(p[f])), TLanes.Create(p[f + 1]), score);
    }

    private enum ModelKind
    {
        AllLinear,
        BuiltInOnly,
        WithCustom,
    }

    // The kind of model as a type, so the JIT compiles one loop per kind (TModel.Kind is a constant there).
    private interface IModelKind
    {
        static abstract ModelKind Kind { get; }
    }

    private readonly struct AllLinear : IModelKind
    {
        public static ModelKind Kind => ModelKind.AllLinear;
    }

    private readonly struct BuiltInOnly : IModelKind
    {
        public static ModelKind Kind => ModelKind.BuiltInOnly;
    }

    private readonly struct WithCustom : IModelKind
    {
        public static ModelKind Kind => ModelKind.WithCustom;
    }

    private enum LaneCurve
    {
        Linear,
        Steps,
        Boolean,
        Piecewise,
        Custom,
    }

    private readonly record struct LaneGate(int Signal, GateComparison Comparison, double Threshold, bool Cap, double Limit);
}
