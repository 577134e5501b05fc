using System;
using System.Linq;
using System.Text;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// Draws a metric for a business review as a self-contained SVG: the measurements from the baseline, the baseline and target
/// levels, the target date, and the trend projected to it. The same assessment always gives the same bytes.
/// </summary>
public static class MetricChart
{
    private const int Width = 640;
    private const int Height = 320;
    private const int Left = 64;
    private const int Right = 24;
    private const int Top = 40;
    private const int Bottom = 40;

    /// <summary>Draws the chart.</summary>
    /// <param name="assessment">The metric's assessment as of the review.</param>
    /// <returns>The SVG document.</returns>
    public static string ToSvg(MetricAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        PlanMetric metric = assessment.Metric;
        LocalDate start = metric.BaselineDate;
        LocalDate end = new[] { metric.TargetDate ?? start, assessment.AsOf, assessment.Series.Count > 0 ? assessment.Series[^1].On : start }.Max();
        if (end <= start)
        {
            // One day wide at least; at the calendar's last day, widen backwards (a day after it does not exist).
            (start, end) = start == LocalDate.MaxIsoValue ? (start.PlusDays(-1), start) : (start, start.PlusDays(1));
        }

        double[] values = [metric.Baseline, .. assessment.Series.Select(m => m.Value), .. new[] { metric.Target, assessment.ProjectedAtTarget }.OfType<double>()];
        double low = values.Min();
        double high = values.Max();
        if (high - low < 1e-9)
        {
            (low, high) = (low - 1, high + 1);
        }

        double pad = (high - low) * 0.08;
        (low, high) = (low - pad, high + pad);
        double days = Period.Between(start, end, PeriodUnits.Days).Days;
        double X(LocalDate date) => Left + ((Width - Left - Right) * Period.Between(start, date, PeriodUnits.Days).Days / days);
        double Y(double value) => Top + ((Height - Top - Bottom) * (high - value) / (high - low));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"  <title>{Escape(metric.Name)}</title>\n"));
        svg.Append(Invariant($"  <desc>{Escape(Description(assessment, start, end))}</desc>\n"));
        svg.Append(Invariant($"  <rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"  <text x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{Escape(metric.Name)} ({Escape(metric.Unit)}): {Escape(StatusText(assessment))}</text>\n"));
        svg.Append(Invariant($"  <line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#444\"/>\n"));
        svg.Append(Invariant($"  <line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#444\"/>\n"));
        svg.Append(Invariant($"  <text x=\"{Left}\" y=\"{Height - 20}\">{start:uuuu-MM-dd}</text>\n"));
        svg.Append(Invariant($"  <text x=\"{Width - Right}\" y=\"{Height - 20}\" text-anchor=\"end\">{end:uuuu-MM-dd}</text>\n"));
        Level(svg, "baseline", metric.Baseline, Y(metric.Baseline), "#888");
        if (metric.Target is { } target)
        {
            Level(svg, "target", target, Y(target), "#2a7");
        }

        if (metric.TargetDate is { } targetDate)
        {
            svg.Append(Invariant($"  <line x1=\"{X(targetDate):0.#}\" y1=\"{Top}\" x2=\"{X(targetDate):0.#}\" y2=\"{Height - Bottom}\" stroke=\"#2a7\" stroke-dasharray=\"2 4\"/>\n"));
        }

        string points = string.Join(' ', new[] { (start, metric.Baseline) }.Concat(assessment.Series.Select(m => (m.On, m.Value))).Select(p => Invariant($"{X(p.Item1):0.#},{Y(p.Item2):0.#}")));
        svg.Append(Invariant($"  <polyline points=\"{points}\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\"/>\n"));
        foreach (Measurement m in assessment.Series)
        {
            svg.Append(Invariant($"  <circle cx=\"{X(m.On):0.#}\" cy=\"{Y(m.Value):0.#}\" r=\"3\" fill=\"#2563eb\"><title>{m.On:uuuu-MM-dd}: {m.Value:G6}</title></circle>\n"));
        }

        if (assessment.ProjectedAtTarget is { } projected && metric.TargetDate is { } due && assessment.Series.Count > 0)
        {
            Measurement last = assessment.Series[^1];
            svg.Append(Invariant($"  <line x1=\"{X(last.On):0.#}\" y1=\"{Y(last.Value):0.#}\" x2=\"{X(due):0.#}\" y2=\"{Y(projected):0.#}\" stroke=\"#2563eb\" stroke-dasharray=\"6 4\"><title>trend: {projected:G6} on {due:uuuu-MM-dd}</title></line>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Level(StringBuilder svg, string label, double value, double y, string colour)
    {
        svg.Append(Invariant($"  <line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"{colour}\" stroke-dasharray=\"4 4\"/>\n"));
        svg.Append(Invariant($"  <text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"{colour}\">{value:G6}</text>\n"));
        svg.Append(Invariant($"  <text x=\"{Width - Right}\" y=\"{y - 4:0.#}\" text-anchor=\"end\" fill=\"{colour}\">{label}</text>\n"));
    }

    // What a screen reader says of the chart: the lines it draws and what they reach.
    private static string Description(MetricAssessment assessment, LocalDate start, LocalDate end)
    {
        PlanMetric metric = assessment.Metric;
        string target = metric.Target is { } t ? Invariant($"; the target {t:G6}{(metric.TargetDate is { } d ? Invariant($" by {d:uuuu-MM-dd}") : string.Empty)}") : string.Empty;
        string latest = assessment.Series.Count > 0 ? Invariant($"; {assessment.Series.Count} measurements, the latest {assessment.Series[^1].Value:G6} on {assessment.Series[^1].On:uuuu-MM-dd}") : "; not measured yet";
        string trend = assessment.ProjectedAtTarget is { } p ? Invariant($"; the trend reaches {p:G6} at the target date") : string.Empty;
        return Invariant($"{metric.Name} in {metric.Unit} from {start:uuuu-MM-dd} to {end:uuuu-MM-dd}: the baseline {metric.Baseline:G6}{target}{latest}{trend}.");
    }

    private static string StatusText(MetricAssessment assessment) => assessment.Progress is { } progress
        ? Invariant($"{assessment.Status}, {progress * 100:0}% of the way")
        : assessment.Status.ToString();

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
