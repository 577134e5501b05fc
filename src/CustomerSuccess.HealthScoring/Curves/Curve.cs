using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>The built-in curves: linear between two bounds, piecewise-linear through points, steps, boolean.</summary>
public static class Curve
{
    /// <summary>
    /// Scores 0 at <paramref name="zeroAt"/> and 100 at <paramref name="fullAt"/>, linearly between, clamped outside. Either
    /// direction: <c>Linear(90, 0)</c> scores 90 days past due 0 and none 100.
    /// </summary>
    /// <param name="zeroAt">The raw value that scores 0.</param>
    /// <param name="fullAt">The raw value that scores 100; not equal to <paramref name="zeroAt"/>.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentException">A bound is not finite, or the bounds are equal.</exception>
    public static IScoreCurve Linear(double zeroAt, double fullAt)
    {
        RequireFinite(zeroAt, nameof(zeroAt));
        RequireFinite(fullAt, nameof(fullAt));
        if (zeroAt == fullAt)
        {
            throw new ArgumentException($"A linear curve needs two different bounds; both are {fullAt.ToString(CultureInfo.InvariantCulture)}.", nameof(fullAt));
        }

        // Bounds so far apart that their distance overflows, or so close that 100 / distance does, would score wrongly
        // (every raw value 0, or NaN): refuse them rather than compute a wrong number.
        if (!double.IsFinite(fullAt - zeroAt) || !double.IsFinite(100 / (fullAt - zeroAt)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The bounds {zeroAt} and {fullAt} are too far apart or too close together to compute a score between them."), nameof(fullAt));
        }

        return new LinearCurve(zeroAt, fullAt);
    }

    /// <summary>Scores by straight lines through points, flat before the first and after the last.</summary>
    /// <param name="points">At least two points, raw values strictly ascending, scores in [0, 100].</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentException">Fewer than two points, raw values not strictly ascending, or a score outside [0, 100]; the message names the point.</exception>
    public static IScoreCurve Piecewise(params IReadOnlyList<CurvePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            throw new ArgumentException("A piecewise curve needs at least two points.", nameof(points));
        }

        Validate(points, nameof(points));
        return new PiecewiseCurve(points.ToArray());
    }

    /// <summary>
    /// Scores in steps: <paramref name="below"/> under the first threshold, then the score of the highest threshold the raw
    /// value reaches (thresholds inclusive). Seed 002: "5 support cases in 7 days" is a step.
    /// </summary>
    /// <param name="below">The score under every threshold.</param>
    /// <param name="steps">Thresholds strictly ascending, each with the score from it up.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentException">No steps, thresholds not strictly ascending, or a score outside [0, 100].</exception>
    public static IScoreCurve Steps(double below, params IReadOnlyList<CurvePoint> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        RequireScore(below, nameof(below));
        if (steps.Count == 0)
        {
            throw new ArgumentException("A step curve needs at least one step.", nameof(steps));
        }

        Validate(steps, nameof(steps));
        return new StepCurve(below, steps.ToArray());
    }

    /// <summary>
    /// Scores a yes/no signal: a positive raw value is yes (<c>SignalValue.Of(true)</c> is 1), zero or less is no. Splitting
    /// at zero, rather than "non-zero", keeps the curve monotone over every raw value.
    /// </summary>
    /// <param name="whenTrue">The score for yes.</param>
    /// <param name="whenFalse">The score for no.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside [0, 100].</exception>
    public static IScoreCurve Boolean(double whenTrue = 100, double whenFalse = 0)
    {
        RequireScore(whenTrue, nameof(whenTrue));
        RequireScore(whenFalse, nameof(whenFalse));
        return new BooleanCurve(whenTrue, whenFalse);
    }

    private static void Validate(IReadOnlyList<CurvePoint> points, string parameter)
    {
        for (int i = 0; i < points.Count; i++)
        {
            RequireFinite(points[i].Raw, parameter);
            if (!(points[i].Score is >= 0 and <= 100))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Point {i + 1} ({points[i]}) has a score outside 0 to 100."), parameter);
            }

            if (i > 0 && points[i].Raw <= points[i - 1].Raw)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Point {i + 1} ({points[i]}) does not come after point {i} ({points[i - 1]}); raw values must rise strictly."), parameter);
            }

            // A piecewise curve divides by the distance between neighbouring points: it must be a finite number.
            if (i > 0 && !double.IsFinite(points[i].Raw - points[i - 1].Raw))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Point {i + 1} ({points[i]}) is too far from point {i} ({points[i - 1]}) to compute a score between them."), parameter);
            }
        }
    }

    private static void RequireFinite(double value, string parameter)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A curve's raw values must be finite.", parameter);
        }
    }

    private static void RequireScore(double value, string parameter)
    {
        if (!(value is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(parameter, value, "A score must be between 0 and 100.");
        }
    }

    // The most common curve, on the hot path: one multiply-add and a clamp (and vectorised in ScoreColumns).
    internal sealed class LinearCurve(double zeroAt, double fullAt) : IScoreCurve, IDescribedCurve
    {
        public double ZeroAt => zeroAt;

        public double FullAt => fullAt;

        public double Scale => _scale;

        public CurveOptions Describe() => new() { Kind = CurveKind.Linear, ZeroAt = zeroAt, FullAt = fullAt };

        private readonly double _scale = 100 / (fullAt - zeroAt);

        public bool IsNonDecreasing => fullAt > zeroAt;

        public double Score(double raw) => Math.Clamp((raw - zeroAt) * _scale, 0, 100);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"linear 0 at {zeroAt}, 100 at {fullAt}");
    }

    private sealed class PiecewiseCurve(CurvePoint[] points) : IScoreCurve, IDescribedCurve
    {
        public CurveOptions Describe() => new() { Kind = CurveKind.Piecewise, Points = [.. points.Select(CurvePointOptions.From)] };

        public bool IsNonDecreasing { get; } = IsRising(points);

        public IReadOnlyList<CurvePoint> Points => ReadOnlyViews.Wrap(points);

        public double Score(double raw)
        {
            if (raw <= points[0].Raw)
            {
                return points[0].Score;
            }

            for (int i = 1; i < points.Length; i++)
            {
                if (raw <= points[i].Raw)
                {
                    CurvePoint a = points[i - 1];
                    CurvePoint b = points[i];
                    double score = a.Score + ((raw - a.Raw) / (b.Raw - a.Raw) * (b.Score - a.Score));
                    return Math.Clamp(score, 0, 100);
                }
            }

            return points[^1].Score;
        }

        public override string ToString() => "piecewise " + string.Join(" ", points.Select(p => p.ToString()));
    }

    private sealed class StepCurve(double below, CurvePoint[] steps) : IScoreCurve, IDescribedCurve
    {
        public CurveOptions Describe() => new() { Kind = CurveKind.Steps, Below = below, Points = [.. steps.Select(CurvePointOptions.From)] };

        public bool IsNonDecreasing { get; } = IsRising([new CurvePoint(double.MinValue, below), .. steps]);

        public double Score(double raw)
        {
            double score = below;
            foreach (CurvePoint step in steps)
            {
                if (raw < step.Raw)
                {
                    break;
                }

                score = step.Score;
            }

            return score;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"steps below {below} ") + string.Join(" ", steps.Select(p => p.ToString()));
    }

    private sealed class BooleanCurve(double whenTrue, double whenFalse) : IScoreCurve, IDescribedCurve
    {
        public CurveOptions Describe() => new() { Kind = CurveKind.Boolean, WhenTrue = whenTrue, WhenFalse = whenFalse };

        public bool IsNonDecreasing => whenTrue >= whenFalse;

        public double Score(double raw) => raw > 0 ? whenTrue : whenFalse;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"boolean yes {whenTrue} no {whenFalse}");
    }

    private static bool IsRising(CurvePoint[] points)
    {
        for (int i = 1; i < points.Length; i++)
        {
            if (points[i].Score < points[i - 1].Score)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A built-in curve that can say what it is, so that a model can be written back as options or JSON.</summary>
internal interface IDescribedCurve
{
    CurveOptions Describe();
}
