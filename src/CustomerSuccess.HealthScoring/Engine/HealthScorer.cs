using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// A health model compiled with its signal plugins into an immutable, thread-safe scorer (docs/design.md section 4):
/// <c>group score = sum w_i s_i / sum w_i</c> over the group's present signals,
/// <c>overall = sum W_g G_g / sum W_g</c> over groups with a present signal, then gates (floors, then caps), then an
/// active manual override, then the band. Every signal missing is undefined, not 0.
/// </summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
/// <remarks>Scoring one account allocates nothing (up to 64 signals and 32 groups); explaining one does.</remarks>
public sealed class HealthScorer<TAccount>
{
    private const int StackSignals = 64;
    private const int StackGroups = 32;

    private readonly ISignal<TAccount>[] _signals;
    private readonly IScoreCurve[] _curves;
    private readonly double[] _weights;
    private readonly int[] _groupOf;
    private readonly double[] _groupWeights;
    private readonly string[] _groups;
    private readonly MissingSignalPolicy[] _missing;
    private readonly double[] _substitutes;
    private readonly (int Signal, HealthGate Gate)[] _floors;
    private readonly (int Signal, HealthGate Gate)[] _caps;
    private readonly double[] _allPresentWeights; // each signal's effective weight when every signal has a value
    private readonly double[] _bandLowerBounds;
    private readonly double[] _linearZeroAt; // per signal: a linear curve's zero point, or NaN for other curves
    private readonly double[] _linearScale; // per signal: a linear curve's scale, or NaN for other curves
    private readonly bool _allLinear;
    private readonly ColumnKernel? _kernel; // null without vector hardware

    internal HealthScorer(HealthModel model, ISignal<TAccount>[] signals)
    {
        Model = model;
        _signals = signals;
        IReadOnlyList<HealthSignalDefinition> defs = model.Signals;
        _groups = defs.Select(d => d.Group).Distinct(StringComparer.Ordinal).ToArray();
        _curves = defs.Select(d => d.Curve).ToArray();
        _groupOf = defs.Select(d => Array.IndexOf(_groups, d.Group)).ToArray();
        (_weights, _groupWeights) = NormalisedWeights(model, defs, _groups, _groupOf);
        _missing = defs.Select(d => d.Missing).ToArray();
        _substitutes = defs.Select(d => d.SubstituteScore).ToArray();
        var index = defs.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i);
        _floors = model.Gates.Where(g => g.Effect == GateEffect.Floor).Select(g => (index[g.Signal], g)).ToArray();
        _caps = model.Gates.Where(g => g.Effect == GateEffect.Cap).Select(g => (index[g.Signal], g)).ToArray();
        _allPresentWeights = AllPresentWeights();
        _bandLowerBounds = model.Bands.All.Select(b => b.LowerBound).ToArray();
        Curve.LinearCurve?[] linearCurves = _curves.Select(c => c as Curve.LinearCurve).ToArray();
        _linearZeroAt = linearCurves.Select(c => c?.ZeroAt ?? double.NaN).ToArray();
        _linearScale = linearCurves.Select(c => c?.Scale ?? double.NaN).ToArray();
        _allLinear = Array.TrueForAll(linearCurves, c => c is not null);
        _kernel = ColumnKernel.IsSupported ? ColumnKernel.Create(_curves, _allPresentWeights, _floors.Concat(_caps), _bandLowerBounds, model.Bands.Id) : null;
    }

    /// <summary>Gets the model.</summary>
    public HealthModel Model { get; }

    // Weights only ever count relative to one another, so each signal's weight is divided by the largest in its group and each
    // group's by the largest group's: every weight is then at most 1, and weight x score (at most 100) and their sums stay
    // finite whatever the magnitudes (weights of 1e308 would otherwise overflow to infinity and score NaN).
    private static (double[] Signals, double[] Groups) NormalisedWeights(HealthModel model, IReadOnlyList<HealthSignalDefinition> defs, string[] groups, int[] groupOf)
    {
        var largestInGroup = new double[groups.Length];
        for (int i = 0; i < defs.Count; i++)
        {
            largestInGroup[groupOf[i]] = Math.Max(largestInGroup[groupOf[i]], defs[i].Weight);
        }

        double[] signals = defs.Select((d, i) => d.Weight == 0 ? 0 : d.Weight / largestInGroup[groupOf[i]]).ToArray();
        double[] groupWeights = groups.Select(g => model.GroupWeights[g]).ToArray();
        double largest = groupWeights.Max();
        return (signals, groupWeights.Select(w => w == 0 ? 0 : w / largest).ToArray());
    }

    /// <summary>Gets the number of signals, in model order: the order of <see cref="ScoreColumns(IReadOnlyList{double[]}, Instant, Span{HealthScore})"/>' columns.</summary>
    public int SignalCount => _signals.Length;

    /// <summary>Scores one account. Allocates nothing.</summary>
    /// <param name="account">The account.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="manualOverride">A CSM's override, applied while it has not expired; <see langword="null"/> for none.</param>
    /// <returns>The score, or undefined.</returns>
    /// <exception cref="SignalMeasurementException">A signal plugin threw; the message names the signal and account.</exception>
    public HealthScore Score(TAccount account, in SignalContext context, ManualOverride? manualOverride = null)
    {
        Span<double> raw = _signals.Length <= StackSignals ? stackalloc double[_signals.Length] : new double[_signals.Length];
        return FromMeasured(MeasureAndWeigh(account, context, raw), raw, manualOverride, context.AsOf);
    }

    /// <summary>Scores many accounts as of one instant, into <paramref name="results"/>.</summary>
    /// <param name="accounts">The accounts.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="results">One score per account, in the same order.</param>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="accounts"/>.</exception>
    /// <exception cref="SignalMeasurementException">A signal plugin threw.</exception>
    public void ScoreAll(ReadOnlySpan<TAccount> accounts, in SignalContext context, Span<HealthScore> results)
    {
        if (results.Length < accounts.Length)
        {
            throw new ArgumentException($"results holds {results.Length} scores but there are {accounts.Length} accounts.", nameof(results));
        }

        Span<double> raw = _signals.Length <= StackSignals ? stackalloc double[_signals.Length] : new double[_signals.Length];
        for (int a = 0; a < accounts.Length; a++)
        {
            results[a] = FromMeasured(MeasureAndWeigh(accounts[a], context, raw), raw, null, context.AsOf);
        }
    }

    /// <summary>
    /// Scores accounts whose raw values are already measured, one column per signal in model order (NaN or infinity
    /// is missing). Gates apply; overrides do not (they belong to accounts, not columns).
    /// </summary>
    /// <param name="columns">One column per model signal, all the same length.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="results">One score per row.</param>
    /// <exception cref="ArgumentException">The wrong number of columns, columns of different lengths, or too few results.</exception>
    public void ScoreColumns(IReadOnlyList<double[]> columns, Instant asOf, Span<HealthScore> results)
    {
        int rows = CheckColumns(columns);
        if (results.Length < rows)
        {
            throw new ArgumentException($"results holds {results.Length} scores but the columns have {rows} rows.", nameof(results));
        }

        ScoreRows(columns, 0, rows, asOf, results);
    }

    /// <summary>
    /// Scores rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of the columns into the
    /// same rows of <paramref name="results"/>: a part of <see cref="ScoreColumns(IReadOnlyList{double[]}, Instant, Span{HealthScore})"/>.
    /// The scorer is thread-safe, so disjoint parts of one set of columns can be scored on several threads at once; each
    /// row's score is the same whichever part scores it.
    /// </summary>
    /// <param name="columns">One column per model signal, all the same length.</param>
    /// <param name="start">The first row.</param>
    /// <param name="count">The number of rows.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="results">One score per row of the columns; only the part's rows are written.</param>
    /// <exception cref="ArgumentException">The wrong number of columns, columns of different lengths, or too few results.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The part is not within the columns.</exception>
    public void ScoreColumns(IReadOnlyList<double[]> columns, int start, int count, Instant asOf, Span<HealthScore> results)
    {
        int rows = CheckColumns(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, rows - Math.Min(start, rows), nameof(count));
        if (results.Length < start + count)
        {
            throw new ArgumentException($"results holds {results.Length} scores but the part ends at row {start + count}.", nameof(results));
        }

        ScoreRows(columns, start, start + count, asOf, results);
    }

    private int CheckColumns(IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != _signals.Length)
        {
            throw new ArgumentException($"Health model '{Model.Name}' has {_signals.Length} signals but {columns.Count} columns were given.", nameof(columns));
        }

        int rows = _signals.Length == 0 ? 0 : columns[0].Length;
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != rows)
            {
                throw new ArgumentException($"Column {i} ('{Model.Signals[i].Id}') has {columns[i].Length} rows; column 0 has {rows}.", nameof(columns));
            }
        }

        return rows;
    }

    private void ScoreRows(IReadOnlyList<double[]> columns, int start, int end, Instant asOf, Span<HealthScore> results)
    {
        // Index arrays, not the list: an interface call per value would cost more than the scoring.
        double[][] columnArray = [.. columns];
        int done = _kernel is null ? start : ScoreColumnsWithKernel(_kernel, columnArray, start, end, asOf, results);

        Span<double> raw = _signals.Length <= StackSignals ? stackalloc double[_signals.Length] : new double[_signals.Length];
        for (int r = done; r < end; r++)
        {
            Gather(columnArray, r, raw);
            results[r] = Combine(raw, null, asOf, null);
        }
    }

    // Blocks go to the kernel; a block it stops at (a missing value) is scored here, one account at a time.
    private int ScoreColumnsWithKernel(ColumnKernel kernel, double[][] columns, int start, int rows, Instant asOf, Span<HealthScore> results)
    {
        int block = ColumnKernel.BlockSize;
        int r = start;
        Span<double> raw = columns.Length <= StackSignals ? stackalloc double[columns.Length] : new double[columns.Length];
        while ((r = kernel.ScoreBlocks(columns, r, rows, results)) + block <= rows)
        {
            for (int lane = 0; lane < block; lane++, r++)
            {
                Gather(columns, r, raw);
                results[r] = Combine(raw, null, asOf, null);
            }
        }

        return r;
    }

    private static void Gather(double[][] columns, int row, Span<double> raw)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = columns[i][row];
        }
    }

    /// <summary>Scores one account and explains the score.</summary>
    /// <param name="account">The account.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="manualOverride">A CSM's override, applied while it has not expired.</param>
    /// <returns>The explanation; its <see cref="HealthExplanation.Score"/> equals <see cref="Score"/>'s.</returns>
    /// <exception cref="SignalMeasurementException">A signal plugin threw.</exception>
    public HealthExplanation Explain(TAccount account, in SignalContext context, ManualOverride? manualOverride = null)
    {
        var raw = new double[_signals.Length];
        var values = new SignalValue[_signals.Length];
        Measure(account, context, raw, values);
        var explanation = new ExplanationParts(values);
        HealthScore score = Combine(raw, manualOverride, context.AsOf, explanation);
        return explanation.Build(score, this);
    }

    // Measures every signal into raw (NaN = missing) and returns the weighted average when every signal has a value
    // (NaN otherwise), computed exactly as Combine computes it. The protected region lives here, and the loop in a
    // method of its own: a loop inside a try keeps its variables in memory rather than in registers.
    private double MeasureAndWeigh(TAccount account, in SignalContext context, Span<double> raw)
    {
        int measuring = 0;
        try
        {
            return MeasureAndWeighCore(account, context, raw, ref measuring);
        }
        catch (Exception e) when (e is not SignalMeasurementException)
        {
            throw new SignalMeasurementException(_signals[measuring].Id, account?.ToString(), e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // inlined, its loop would sit inside the caller's try again
    private double MeasureAndWeighCore(TAccount account, in SignalContext context, Span<double> raw, ref int measuring)
    {
        // Two loops: across the plugin calls only integers and references stay live (the calling convention keeps no
        // floating-point register across a call, so a running sum would round-trip through memory each signal).
        ISignal<TAccount>[] signals = _signals;
        raw = raw[..signals.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            measuring = i;
            raw[i] = signals[i].Measure(account, context).TryGetValue(out double value) ? value : double.NaN;
        }

        return WeighAllPresent(raw);
    }

    // The weighted average when every raw value is present (NaN otherwise), computed exactly as Combine computes it;
    // linear curves (the common kind) inline, as LinearCurve.Score computes them.
    private double WeighAllPresent(ReadOnlySpan<double> raw)
    {
        ReadOnlySpan<double> weights = _allPresentWeights.AsSpan(0, raw.Length);
        ReadOnlySpan<double> zeroAt = _linearZeroAt.AsSpan(0, raw.Length);
        ReadOnlySpan<double> scale = _linearScale.AsSpan(0, raw.Length);
        double dot = 0;
        if (_allLinear)
        {
            // No call in this loop, so the running sum stays in a register.
            for (int i = 0; i < raw.Length; i++)
            {
                dot += weights[i] * Math.Clamp((raw[i] - zeroAt[i]) * scale[i], 0, 100); // NaN (missing) stays NaN
            }

            return dot;
        }

        for (int i = 0; i < raw.Length; i++)
        {
            double value = raw[i];
            if (double.IsNaN(value))
            {
                return double.NaN;
            }

            double score = double.IsNaN(scale[i]) ? _curves[i].Score(value) : Math.Clamp((value - zeroAt[i]) * scale[i], 0, 100);
            dot += weights[i] * score;
        }

        return dot;
    }

    // With every signal present, the weighted average is already known (Combine's first path, without recomputing
    // it); otherwise Combine renormalises the groups.
    private HealthScore FromMeasured(double dot, ReadOnlySpan<double> raw, ManualOverride? manualOverride, Instant asOf) => double.IsNaN(dot)
        ? Combine(raw, manualOverride, asOf, null)
        : Finish(Math.Clamp(dot, 0, 100), raw, HealthScoreInfluences.None, manualOverride, asOf, null);

    // Explain's measuring, which keeps each SignalValue (its missing reason is part of the explanation); scoring uses
    // MeasureAndWeigh.
    /// <summary>
    /// Each signal's curve score for an account, NaN where the signal is missing: what an explanation reports as the curve
    /// score of a present value, without building the explanation (lead time reads it for every snapshot of a history).
    /// </summary>
    internal void CurveScores(TAccount account, in SignalContext context, SignalValue[] values, double[] raw, Span<double> scores)
    {
        Measure(account, context, raw, values);
        for (int i = 0; i < raw.Length; i++)
        {
            scores[i] = double.IsFinite(raw[i]) ? _curves[i].Score(raw[i]) : double.NaN;
        }
    }

    /// <summary>Gets the leading/lagging tag the plugin of a signal carries.</summary>
    internal SignalTiming TimingOf(int signal) => _signals[signal].Timing;

    private void Measure(TAccount account, in SignalContext context, Span<double> raw, SignalValue[] values)
    {
        int i = 0;
        try
        {
            for (; i < _signals.Length; i++)
            {
                values[i] = _signals[i].Measure(account, context);
                raw[i] = values[i].TryGetValue(out double v) ? v : double.NaN;
            }
        }
        catch (Exception e) when (e is not SignalMeasurementException)
        {
            throw new SignalMeasurementException(_signals[i].Id, account?.ToString(), e);
        }
    }

    // The general formula (docs/design.md section 4): Explain, and every account the fast paths do not take (a missing value, a
    // model that is not all linear), come through here. The all-linear fast path (MeasureAndWeigh, FromMeasured) and the
    // column kernel compute the same sums in their own loops; the laws check that all three agree to the bit.
    private HealthScore Combine(ReadOnlySpan<double> raw, ManualOverride? manualOverride, Instant asOf, ExplanationParts? explain)
    {
        // When every signal has a value (the usual case) the renormalised weights are the precomputed ones, and the
        // weighted average is one dot product with no division; otherwise the groups are renormalised below.
        double dot = 0;
        bool allPresent = true;
        for (int i = 0; i < raw.Length; i++)
        {
            double r = raw[i];
            if (!double.IsFinite(r))
            {
                allPresent = false;
                break;
            }

            double score = _curves[i].Score(r);
            dot += _allPresentWeights[i] * score;
            explain?.SetCurveScore(i, score);
        }

        if (allPresent)
        {
            double weightedScore = Math.Clamp(dot, 0, 100);
            explain?.Weighted(weightedScore, _allPresentWeights);
            return Finish(weightedScore, raw, HealthScoreInfluences.None, manualOverride, asOf, explain);
        }

        int groups = _groups.Length;
        Span<double> sums = groups <= StackGroups ? stackalloc double[groups * 2] : new double[groups * 2];
        sums.Clear();
        HealthScoreInfluences flags = HealthScoreInfluences.None;
        string? failedBy = null;
        for (int i = 0; i < raw.Length; i++)
        {
            double r = raw[i];
            double score;
            if (double.IsFinite(r))
            {
                score = _curves[i].Score(r);
            }
            else
            {
                flags |= HealthScoreInfluences.SignalsMissing;
                explain?.MarkMissing(i, r);
                if (_missing[i] == MissingSignalPolicy.Skip)
                {
                    continue;
                }

                if (_missing[i] == MissingSignalPolicy.Fail)
                {
                    failedBy ??= Model.Signals[i].Id.Value;
                    continue;
                }

                score = _substitutes[i];
                flags |= HealthScoreInfluences.Substituted;
                explain?.MarkSubstituted(i);
            }

            explain?.SetCurveScore(i, score);
            double weight = _weights[i];
            if (weight == 0)
            {
                continue; // a zero weight changes nothing, not even whether its group counts
            }

            int g = _groupOf[i];
            sums[2 * g] += weight * score;
            sums[(2 * g) + 1] += weight;
        }

        if (failedBy is not null)
        {
            explain?.Undefined($"signal '{failedBy}' is missing and the model requires it");
            return ApplyOverride(new HealthScore(flags), manualOverride, asOf, explain);
        }

        double total = 0, totalWeight = 0;
        for (int g = 0; g < groups; g++)
        {
            if (sums[(2 * g) + 1] > 0 && _groupWeights[g] > 0)
            {
                total += _groupWeights[g] * (sums[2 * g] / sums[(2 * g) + 1]);
                totalWeight += _groupWeights[g];
            }
        }

        if (totalWeight == 0)
        {
            explain?.Undefined("no signal with weight had a value");
            return ApplyOverride(new HealthScore(flags), manualOverride, asOf, explain);
        }

        double weighted = Math.Clamp(total / totalWeight, 0, 100);
        if (explain is not null)
        {
            Span<double> effective = stackalloc double[raw.Length];
            for (int i = 0; i < raw.Length; i++)
            {
                int g = _groupOf[i];
                double groupWeight = sums[(2 * g) + 1];
                effective[i] = explain.Counted(i) && _weights[i] > 0 && groupWeight > 0 && _groupWeights[g] > 0
                    ? _groupWeights[g] / totalWeight * (_weights[i] / groupWeight)
                    : 0;
            }

            explain.Weighted(weighted, effective);
        }

        return Finish(weighted, raw, flags, manualOverride, asOf, explain);
    }

    private HealthScore Finish(double weighted, ReadOnlySpan<double> raw, HealthScoreInfluences flags, ManualOverride? manualOverride, Instant asOf, ExplanationParts? explain)
    {
        double result = weighted;
        foreach ((int signal, HealthGate gate) in _floors)
        {
            result = ApplyGate(result, raw[signal], gate, ref flags, explain);
        }

        foreach ((int signal, HealthGate gate) in _caps)
        {
            result = ApplyGate(result, raw[signal], gate, ref flags, explain);
        }

        return ApplyOverride(new HealthScore(result, Model.Bands.Classify(result), Model.Bands, flags), manualOverride, asOf, explain);
    }

    private double[] AllPresentWeights()
    {
        var groupTotals = new double[_groups.Length];
        for (int i = 0; i < _weights.Length; i++)
        {
            groupTotals[_groupOf[i]] += _weights[i];
        }

        double total = 0;
        for (int g = 0; g < _groups.Length; g++)
        {
            total += groupTotals[g] > 0 ? _groupWeights[g] : 0;
        }

        var weights = new double[_weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            int g = _groupOf[i];
            weights[i] = groupTotals[g] > 0 && _weights[i] > 0 ? _groupWeights[g] / total * (_weights[i] / groupTotals[g]) : 0;
        }

        return weights;
    }

    private static double ApplyGate(double score, double raw, HealthGate gate, ref HealthScoreInfluences flags, ExplanationParts? explain)
    {
        if (!double.IsFinite(raw) || !gate.Fires(raw))
        {
            return score;
        }

        double gated = gate.Effect == GateEffect.Cap ? Math.Min(score, gate.Limit) : Math.Max(score, gate.Limit);
        flags |= HealthScoreInfluences.Gated;
        explain?.Adjust(AdjustmentKind.Gate, gate.Reason, gated - score);
        return gated;
    }

    private HealthScore ApplyOverride(HealthScore score, ManualOverride? manualOverride, Instant asOf, ExplanationParts? explain)
    {
        if (manualOverride is null || !manualOverride.AppliesAt(asOf))
        {
            return score;
        }

        explain?.Adjust(AdjustmentKind.Override, manualOverride.Reason, manualOverride.Score - (score.ToNullable() ?? 0));
        return new HealthScore(manualOverride.Score, Model.Bands.Classify(manualOverride.Score), Model.Bands, score.Influences | HealthScoreInfluences.Overridden);
    }

    private sealed class ExplanationParts(SignalValue[] values)
    {
        private readonly double?[] _curveScores = new double?[values.Length];
        private readonly double[] _effectiveWeights = new double[values.Length];
        private readonly bool[] _substituted = new bool[values.Length];
        private readonly List<ScoreAdjustment> _adjustments = [];
        private double? _weighted;
        private string? _undefined;

        public void MarkMissing(int signal, double raw)
        {
            // A columnar NaN or infinity arrives without a SignalValue: say why it counts as missing.
            if (values[signal].IsPresent || values[signal].MissingReason is null)
            {
                values[signal] = SignalValue.Missing(double.IsNaN(raw) ? "the raw value is not a number" : "the raw value is infinite");
            }
        }

        public void MarkSubstituted(int signal) => _substituted[signal] = true;

        public void SetCurveScore(int signal, double score) => _curveScores[signal] = score;

        public void Undefined(string reason) => _undefined = reason;

        public void Adjust(AdjustmentKind kind, string reason, double delta) => _adjustments.Add(new ScoreAdjustment(kind, reason, delta));

        public bool Counted(int signal) => _curveScores[signal] is not null;

        public void Weighted(double weighted, ReadOnlySpan<double> effectiveWeights)
        {
            _weighted = weighted;
            effectiveWeights.CopyTo(_effectiveWeights);
        }

        public HealthExplanation Build(HealthScore score, HealthScorer<TAccount> scorer)
        {
            var signals = new SignalContribution[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                HealthSignalDefinition definition = scorer.Model.Signals[i];
                double? curveScore = _effectiveWeights[i] > 0 || _substituted[i] || values[i].IsPresent ? _curveScores[i] : null;
                signals[i] = new SignalContribution(
                    definition.Id, definition.Group, scorer._signals[i].Timing, values[i], curveScore, _effectiveWeights[i],
                    _effectiveWeights[i] * (_curveScores[i] ?? 0), _substituted[i]);
            }

            return new HealthExplanation(score, _weighted, signals, [.. _adjustments], score.HasValue ? null : _undefined);
        }
    }
}

/// <summary>Compiles health models into scorers.</summary>
public static class HealthScorer
{
    /// <summary>Compiles a model with the signal plugins that measure its signals.</summary>
    /// <typeparam name="TAccount">The account type the signals read.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="signals">Plugins; one per model signal id (others are ignored).</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="ArgumentException">No plugin measures one of the model's signals, or two plugins share an id; the message names the model and the signal.</exception>
    public static HealthScorer<TAccount> Create<TAccount>(HealthModel model, IEnumerable<ISignal<TAccount>> signals)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(signals);
        var byId = new Dictionary<SignalId, ISignal<TAccount>>();
        foreach (ISignal<TAccount> signal in signals)
        {
            ArgumentNullException.ThrowIfNull(signal, nameof(signals));
            if (!byId.TryAdd(signal.Id, signal))
            {
                throw new ArgumentException($"Health model '{model.Name}': two signal plugins have the id '{signal.Id}'.", nameof(signals));
            }
        }

        var ordered = new ISignal<TAccount>[model.Signals.Count];
        for (int i = 0; i < ordered.Length; i++)
        {
            SignalId id = model.Signals[i].Id;
            ordered[i] = byId.TryGetValue(id, out ISignal<TAccount>? signal)
                ? signal
                : throw new ArgumentException($"Health model '{model.Name}', signal '{id}': no signal plugin has this id (plugins: {string.Join(", ", byId.Keys.Select(k => "'" + k + "'"))}).", nameof(signals));
        }

        return new HealthScorer<TAccount>(model, ordered);
    }
}
