using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Samples.Tests;

/// <summary>The ten-line examples of docs/getting-started.md, kept here so that they compile and give what the page says.</summary>
public class GettingStartedTests
{
    [Fact]
    public void Core()
    {
        var opening = new Money(75_000m, Currency.USD);
        var closing = opening + new Money(10_000m, Currency.USD) - new Money(4_000m, Currency.USD);
        Ratio nrr = Ratio.Of(closing, opening);                            // 108.0%
        Ratio none = Ratio.Of(closing, Money.Zero(Currency.USD));          // undefined, never 0 or NaN

        Assert.Equal("108.0%", nrr.ToString());
        Assert.Equal("undefined", none.ToString());
    }

    [Fact]
    public void Revenue()
    {
        var rows = new[]
        {
            new MrrRow(new AccountId("acme"), new YearMonth(2026, 1), new Money(1_000m, Currency.USD)),
            new MrrRow(new AccountId("acme"), new YearMonth(2026, 2), new Money(1_200m, Currency.USD)),
            new MrrRow(new AccountId("globex"), new YearMonth(2026, 1), new Money(500m, Currency.USD)),
        };
        MrrHistory history = MrrHistory.FromRows(rows);
        MrrMonthFigures february = history.Movements().Total(new YearMonth(2026, 2));

        Assert.Equal("80.0%", february.Nrr.ToString());                    // (1,500 + 200 expansion - 500 churn) / 1,500
        Assert.Equal("66.7%", february.Grr.ToString());
        Assert.Equal("50.0%", february.LogoChurn.ToString());
    }

    private sealed record Customer(double ActiveShare, double Nps);

    [Fact]
    public void HealthScoring()
    {
        HealthModel model = HealthModel.CreateBuilder("simple")
            .AddSignal(new HealthSignalDefinition(new SignalId("adoption.active_licences"), Curve.Linear(0, 0.8), weight: 2))
            .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Linear(0, 10)))
            .Build();
        HealthScorer<Customer> scorer = HealthScorer.Create(model,
        [
            Signal.Create<Customer>(new SignalId("adoption.active_licences"), SignalTiming.Leading, static (c, _) => SignalValue.Of(c.ActiveShare)),
            Signal.Create<Customer>(new SignalId("nps.latest"), SignalTiming.Lagging, static (c, _) => SignalValue.Of(c.Nps)),
        ]);
        HealthScore score = scorer.Score(new Customer(0.6, 7), new SignalContext(Instant.FromUtc(2026, 9, 8, 0, 0), DateTimeZone.Utc));

        Assert.Equal("73.3 (green)", score.ToString());                    // (2 x 75 + 70) / 3
    }

    [Fact]
    public void Behaviors()
    {
        var acme = new AccountId("acme");
        EventStore store = EventStore.Create(Enumerable.Range(0, 5).Select(d =>
            new BehaviorEvent(acme, "support_case_opened", Instant.FromUtc(2026, 11, 11 + d, 9, 0))));
        var evaluator = new BehaviorEvaluator(store);
        RuleSet rules = RuleSet.Parse("rule spike risk danger when count(support_case_opened, last 7d) >= 5");
        IReadOnlyList<Alert> alerts = evaluator.Alerts(rules, new SignalContext(Instant.FromUtc(2026, 11, 17, 9, 0), DateTimeZone.Utc));

        Assert.Equal("spike/acme risk danger: count(support_case_opened, last 7d) = 5 (>= 5)", alerts.Single().ToString());
    }

    [Fact]
    public void SuccessPlans()
    {
        SuccessPlan.Builder builder = SuccessPlan.CreateBuilder("acme-2026", new AccountId("acme"));
        builder.Purpose = "Close the books in 5 days, not 10";
        builder.AddRole(new PlanRole(PlanParty.Customer, PlanRoleKind.ExecutiveSponsor, "Dana Lee", "Agrees the measures"))
            .AddMetric(new PlanMetric("Days to close", "days", MetricDirection.LowerIsBetter, "Working days from month end to sign-off", "ERP",
                baseline: 10, baselineDate: new LocalDate(2026, 1, 31), target: 5, targetDate: new LocalDate(2026, 6, 30)));
        SuccessPlan plan = builder.Build().Agree(new LocalDate(2026, 2, 3), "Dana Lee");
        MetricAssessment close = MetricAssessment.Assess(plan.Metrics[0], [new(new LocalDate(2026, 3, 31), 8)], new LocalDate(2026, 4, 1));

        Assert.Equal(PlanStatus.Agreed, plan.Status);
        Assert.Equal(0.4, close.Progress!.Value, 12);                       // 10 -> 8 of the way to 5
        Assert.Equal(MetricStatus.OnTrack, close.Status);
        Assert.Equal([FindingKind.NoTimeline, FindingKind.NoNextPhase], PlanValidator.Validate(plan).Select(f => f.Kind));
    }
}
