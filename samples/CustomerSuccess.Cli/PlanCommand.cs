using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>Measures a success plan's metrics as of a date (measure + materialize), optionally writing an SVG chart per metric.</summary>
internal sealed class PlanCommand : ICommand
{
    public string Name => "plan";

    public string Summary => "A success plan's metrics as of a date: progress, trend, status; SVG charts for a business review.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["plan", "measurements", "as-of", "charts", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} plan --plan <plan.json> --measurements <measurements.csv> --as-of <yyyy-MM-dd> [--charts <dir>] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --plan <file>          the plan as JSON (docs/success-plans.md)");
        output.WriteLine("  --measurements <file>  CSV: metric,date,value (date yyyy-MM-dd; metric as named in the plan)");
        output.WriteLine("  --as-of <date>         assess as of this date; later measurements do not exist");
        output.WriteLine("  --charts <dir>         also write one SVG chart per metric into <dir> (created if missing)");
        output.WriteLine("  --format csv|json      output format (default csv)");
        output.WriteLine();
        output.WriteLine("Output: metric,unit,baseline,current,target,target_date,progress,projected,status, one row per metric in plan order;");
        output.WriteLine("current, progress and projected are empty when undefined. status is on_track, at_risk, off_track, achieved, missed or not_measured.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        string planPath = line.Required("plan", "<plan.json>");
        string measurementsPath = line.Required("measurements", "<measurements.csv>");
        string asOfText = line.Required("as-of", "<yyyy-MM-dd>");
        LocalDate asOf = LocalDatePattern.Iso.Parse(asOfText) is { Success: true } parsed
            ? parsed.Value
            : throw new UsageException($"--as-of '{CliText.Quote(asOfText)}' is not a date; use yyyy-MM-dd, such as 2026-12-08.");

        SuccessPlan plan = ReadPlan(planPath);
        Dictionary<string, List<Measurement>> measurements = ReadMeasurements(measurementsPath, plan);
        MetricAssessment[] assessments;
        try
        {
            assessments = plan.Metrics.Select(m => MetricAssessment.Assess(m, measurements.GetValueOrDefault(m.Name) ?? [], asOf)).ToArray();
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{planPath}: {CliText.Message(e)}");
        }

        if (line.Value("charts") is { } directory)
        {
            WriteCharts(directory, assessments);
        }

        TableOutput.Write(output, format, Columns, assessments.Select(Row));
        return ExitCodes.Success;
    }

    /// <summary>The output's columns, which the account review page's metrics table repeats.</summary>
    internal static IReadOnlyList<string> Columns { get; } = ["metric", "unit", "baseline", "current", "target", "target_date", "progress", "projected", "status"];

    /// <summary>A metric's row of the output.</summary>
    internal static IReadOnlyList<Cell> Row(MetricAssessment a) =>
    [
        Cell.Of(a.Metric.Name), Cell.Of(a.Metric.Unit), Number(a.Metric.Baseline), Number(a.Current), Number(a.Metric.Target),
        a.Metric.TargetDate is { } d ? Cell.Of(LocalDatePattern.Iso.Format(d)) : Cell.Empty, Number(a.Progress), Number(a.ProjectedAtTarget), Cell.Of(StatusName(a.Status)),
    ];

    internal static string StatusName(MetricStatus status) => status switch
    {
        MetricStatus.OnTrack => "on_track",
        MetricStatus.AtRisk => "at_risk",
        MetricStatus.OffTrack => "off_track",
        MetricStatus.Achieved => "achieved",
        MetricStatus.Missed => "missed",
        _ => "not_measured",
    };

    /// <summary>A file name from a metric name: lower-case letters and digits, the rest as '-'.</summary>
    internal static string Slug(string name)
    {
        string slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "metric" : slug;
    }

    private static Cell Number(double? value) => value is { } v ? Cell.Of(Math.Round((decimal)v, 10)) : Cell.Empty;

    private static void WriteCharts(string directory, IReadOnlyList<MetricAssessment> assessments)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (MetricAssessment assessment in assessments)
            {
                string slug = Slug(assessment.Metric.Name);
                for (int n = 2; !used.Add(slug); n++)
                {
                    slug = Slug(assessment.Metric.Name) + "-" + n.ToString(CultureInfo.InvariantCulture);
                }

                File.WriteAllText(Path.Combine(directory, slug + ".svg"), MetricChart.ToSvg(assessment));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{CliText.Quote(directory)}: cannot write the charts: {CliText.Message(e)}");
        }
    }

    internal static SuccessPlan ReadPlan(string path)
    {
        string json = InputFiles.ReadText(path);
        try
        {
            return SuccessPlanJson.Deserialize(json);
        }
        catch (CustomerSuccessValidationException e) when (e.InnerException is JsonException malformed)
        {
            throw new InputException(CliText.Json(path, malformed, json));
        }
        catch (CustomerSuccessValidationException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
        }
    }

    internal static Dictionary<string, List<Measurement>> ReadMeasurements(string path, SuccessPlan plan)
    {
        var names = plan.Metrics.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var measurements = new Dictionary<string, List<Measurement>>(StringComparer.Ordinal);
        using TableReader reader = TableReader.Open(path, "metric", "date", "value");
        while (reader.Read() is { } record)
        {
            string metric = record.Required("metric");
            if (!names.Contains(metric))
            {
                throw record.Error("metric", $"'{CliText.Quote(metric)}' is not a metric of plan '{plan.Id}'; its metrics are {string.Join(", ", names.Select(n => "'" + n + "'"))}.");
            }

            string dateText = record.Required("date");
            LocalDate date = LocalDatePattern.Iso.Parse(dateText) is { Success: true } d
                ? d.Value
                : throw record.Error("date", $"'{CliText.Quote(dateText)}' is not a date; use yyyy-MM-dd.");
            ReadOnlySpan<char> valueText = record.RequiredSpan("value");
            double value = double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && Math.Abs(v) <= 1e15
                ? v
                : throw record.Error("value", $"'{CliText.Quote(valueText)}' is not a number from -1e15 to 1e15.");
            List<Measurement> series = measurements.TryGetValue(metric, out List<Measurement>? existing) ? existing : measurements[metric] = [];
            if (series.Any(m => m.On == date))
            {
                throw record.Error("date", $"metric '{CliText.Quote(metric)}' is already measured on {dateText}.");
            }

            series.Add(new Measurement(date, value));
        }

        return measurements;
    }
}
