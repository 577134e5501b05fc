using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

// The example of docs/signal-plugins.md, kept as a test so the guide cannot rot.
public sealed record ReportingAccount(IReadOnlyList<Instant> ReportRuns);

public sealed class WeeksSinceEssentialReport : ISignal<ReportingAccount>
{
    public SignalId Id { get; } = new("adoption.weeks_since_report");

    public SignalTiming Timing => SignalTiming.Leading;

    public SignalValue Measure(ReportingAccount account, in SignalContext context)
    {
        Instant asOf = context.AsOf;
        Instant? last = account.ReportRuns.Where(run => run <= asOf).Cast<Instant?>().Max();
        return last is { } run
            ? SignalValue.Of((asOf - run).TotalDays / 7)
            : SignalValue.Missing("has never run the weekly report");
    }
}

public class SignalPluginGuideTests
{
    [Fact]
    public void WeeksSinceEssentialReport_ReadsOnlyThePast()
    {
        var asOf = new SignalContext(Instant.FromUtc(2026, 9, 30, 0, 0), DateTimeZone.Utc);
        var account = new ReportingAccount([asOf.AsOf - Duration.FromDays(14), asOf.AsOf + Duration.FromDays(1)]);

        Assert.Equal(2, new WeeksSinceEssentialReport().Measure(account, asOf).Value, 9);
        Assert.False(new WeeksSinceEssentialReport().Measure(new ReportingAccount([]), asOf).IsPresent);
    }

    [Fact]
    public void WeeksSinceEssentialReport_ScoresInAModel()
    {
        HealthModel model = HealthModel.CreateBuilder("default")
            .AddSignal(new HealthSignalDefinition(new SignalId("adoption.weeks_since_report"), Curve.Linear(4, 0), weight: 2, group: "adoption"))
            .Build();
        var asOf = new SignalContext(Instant.FromUtc(2026, 9, 30, 0, 0), DateTimeZone.Utc);

        HealthScore score = HealthScorer.Create(model, [new WeeksSinceEssentialReport()])
            .Score(new ReportingAccount([asOf.AsOf - Duration.FromDays(7)]), asOf);

        Assert.Equal(75, score.Value, 9);
    }
}
