namespace CustomerSuccess.HealthScoring;

/// <summary>The kinds of built-in curve.</summary>
public enum CurveKind
{
    /// <summary><see cref="Curve.Linear"/>: uses ZeroAt and FullAt.</summary>
    Linear = 0,

    /// <summary><see cref="Curve.Piecewise"/>: uses Points.</summary>
    Piecewise = 1,

    /// <summary><see cref="Curve.Steps"/>: uses Below and Points.</summary>
    Steps = 2,

    /// <summary><see cref="Curve.Boolean"/>: uses WhenTrue and WhenFalse.</summary>
    Boolean = 3,
}
