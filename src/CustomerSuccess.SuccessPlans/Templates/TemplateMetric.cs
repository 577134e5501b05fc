namespace CustomerSuccess.SuccessPlans;

/// <summary>A metric in a template: the target is a change from the customer's own baseline, due some days after signature.</summary>
public sealed record TemplateMetric
{
    /// <summary>Initializes a new <see cref="TemplateMetric"/>.</summary>
    /// <param name="name">The metric's name.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="direction">Which way is better.</param>
    /// <param name="howMeasured">How it is measured.</param>
    /// <param name="source">Where it is measured.</param>
    /// <param name="targetChange">The target as a fraction of the baseline: -0.5 halves it, 0.2 raises it by a fifth.</param>
    /// <param name="targetAfterDays">Days from signature to the target date.</param>
    public TemplateMetric(string name, string unit, MetricDirection direction, string howMeasured, string source, double targetChange, int targetAfterDays)
    {
        Name = name;
        Unit = unit;
        Direction = direction;
        HowMeasured = howMeasured;
        Source = source;
        TargetChange = targetChange;
        TargetAfterDays = targetAfterDays;
    }

    /// <summary>Gets the metric's name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the unit.</summary>
    public string Unit { get; init; }

    /// <summary>Gets which way is better.</summary>
    public MetricDirection Direction { get; init; }

    /// <summary>Gets how it is measured.</summary>
    public string HowMeasured { get; init; }

    /// <summary>Gets where it is measured.</summary>
    public string Source { get; init; }

    /// <summary>Gets the target as a fraction of the baseline: -0.5 halves it, 0.2 raises it by a fifth.</summary>
    public double TargetChange { get; init; }

    /// <summary>Gets the days from signature to the target date.</summary>
    public int TargetAfterDays { get; init; }
}
