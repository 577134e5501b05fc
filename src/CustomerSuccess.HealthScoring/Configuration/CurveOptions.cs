using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>A curve of <see cref="HealthSignalOptions"/>; which properties count depends on <see cref="Kind"/>.</summary>
public sealed class CurveOptions
{
    /// <summary>Gets or sets the kind of curve.</summary>
    /// <value><see cref="CurveKind.Linear"/>.</value>
    public CurveKind Kind { get; set; }

    /// <summary>Gets or sets, for a linear curve, the raw value that scores 0.</summary>
    /// <value>0.</value>
    public double ZeroAt { get; set; }

    /// <summary>Gets or sets, for a linear curve, the raw value that scores 100.</summary>
    /// <value>0 (so it must be set).</value>
    public double FullAt { get; set; }

    /// <summary>Gets or sets the points of a piecewise curve, or the steps of a step curve.</summary>
    /// <value>Empty.</value>
    public IList<CurvePointOptions> Points { get; set; } = [];

    /// <summary>Gets or sets, for a step curve, the score below the first step.</summary>
    /// <value>0.</value>
    public double Below { get; set; }

    /// <summary>Gets or sets, for a boolean curve, the score of yes.</summary>
    /// <value>100.</value>
    public double WhenTrue { get; set; } = 100;

    /// <summary>Gets or sets, for a boolean curve, the score of no.</summary>
    /// <value>0.</value>
    public double WhenFalse { get; set; }

    internal IScoreCurve ToCurve() => Kind switch
    {
        CurveKind.Linear => HealthScoring.Curve.Linear(ZeroAt, FullAt),
        CurveKind.Piecewise => HealthScoring.Curve.Piecewise((Points ?? []).Select(p => p.ToPoint()).ToArray()),
        CurveKind.Steps => HealthScoring.Curve.Steps(Below, (Points ?? []).Select(p => p.ToPoint()).ToArray()),
        CurveKind.Boolean => HealthScoring.Curve.Boolean(WhenTrue, WhenFalse),
        _ => throw new ArgumentException($"'{Kind}' is not a kind of curve (Linear, Piecewise, Steps, Boolean)."),
    };
}
