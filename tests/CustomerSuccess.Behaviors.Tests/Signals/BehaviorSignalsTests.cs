using System;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class BehaviorSignalsTests
{
    private sealed record Customer(string Id);

    [Fact]
    public void PredicateAndAggregate_ServeAsHealthSignals()
    {
        var acme = new AccountId("acme");
        var events = Enumerable.Range(0, 4).Select(w => new BehaviorEvent(acme, "run_forecast", Instant.FromUtc(2026, 10, 28, 10, 0) + Duration.FromDays(7 * w)));
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));
        var context = new SignalContext(Instant.FromUtc(2026, 11, 23, 9, 0), DateTimeZone.Utc);

        ISignal<Customer> established = BehaviorSignals.Predicate<Customer>(
            new SignalId("forecast.weekly"), evaluator, BehaviorPredicate.Every("run_forecast", 4, CalendarUnit.Week), c => new AccountId(c.Id));
        ISignal<Customer> sinceLast = BehaviorSignals.Aggregate<Customer>(
            new SignalId("forecast.days_since"), evaluator, BehaviorAggregate.SinceLast("run_forecast"), c => new AccountId(c.Id), SignalTiming.Leading);
        ISignal<Customer> change = BehaviorSignals.Aggregate<Customer>(
            new SignalId("forecast.change"), evaluator, BehaviorAggregate.Change(BehaviorAggregate.Count("run_forecast", BehaviorWindow.Last(Duration.FromDays(14))), BehaviorWindow.Last(Duration.FromDays(14), Duration.FromDays(14))),
            c => new AccountId(c.Id), SignalTiming.Leading);

        Assert.Equal(SignalTiming.Leading, established.Timing);
        Assert.Equal(SignalValue.Of(true), established.Measure(new Customer("acme"), context));
        Assert.Equal(SignalValue.Of(false), established.Measure(new Customer("other"), context));
        Assert.Equal(4.9583, sinceLast.Measure(new Customer("acme"), context).Value, 4); // Nov 18 10:00 to Nov 23 09:00
        Assert.False(sinceLast.Measure(new Customer("other"), context).IsPresent);
        Assert.Contains("baseline is 0", change.Measure(new Customer("other"), context).MissingReason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BehaviorSignals.Aggregate<Customer>(
            new SignalId("x"), evaluator, BehaviorAggregate.First("login", BehaviorWindow.Ever), c => new AccountId(c.Id), SignalTiming.Lagging));
    }
}
