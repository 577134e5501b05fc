using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.HealthScoring.Tests;

/// <summary>The Wingtip health model and its customers, shared by the tests of the engine, the model and the trends.</summary>
internal static class WingtipHealth
{
    internal static readonly SignalContext AsOf = new(Instant.FromUtc(2026, 9, 8, 12, 0), DateTimeZone.Utc);

    // The health factors of Customer Success (Mehta et al.) for one customer.
    internal sealed record Customer(string Id, double? ActiveLicenceShare, double? CasesLast7Days, double? Nps, double? DaysPastDue)
    {
        public override string ToString() => Id;
    }

    internal static readonly ISignal<Customer>[] Plugins =
    [
        Signal.Create<Customer>(new SignalId("adoption.active_licences"), SignalTiming.Leading, static (c, _) => c.ActiveLicenceShare is { } v ? SignalValue.Of(v) : SignalValue.Missing("no licence data")),
        Signal.Create<Customer>(new SignalId("support.cases_7d"), SignalTiming.Lagging, static (c, _) => c.CasesLast7Days is { } v ? SignalValue.Of(v) : SignalValue.Missing("no support data")),
        Signal.Create<Customer>(new SignalId("nps.latest"), SignalTiming.Lagging, static (c, _) => c.Nps is { } v ? SignalValue.Of(v) : SignalValue.Missing("no NPS response yet")),
        Signal.Create<Customer>(new SignalId("invoice.days_past_due"), SignalTiming.Lagging, static (c, _) => c.DaysPastDue is { } v ? SignalValue.Of(v) : SignalValue.Missing("no invoice")),
    ];

    internal static HealthModel.Builder Wingtip() => HealthModel.CreateBuilder("wingtip")
        .AddSignal(new HealthSignalDefinition(new SignalId("adoption.active_licences"), Curve.Linear(0.2, 0.8), 2, "adoption"))
        .AddSignal(new HealthSignalDefinition(new SignalId("support.cases_7d"), Curve.Steps(100, new CurvePoint(3, 60), new CurvePoint(5, 10)), 1, "support"))
        .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(6, 30), new CurvePoint(8, 70), new CurvePoint(10, 100)), 1, "relationship"))
        .AddSignal(new HealthSignalDefinition(new SignalId("invoice.days_past_due"), Curve.Linear(90, 0), 1, "financial"))
        .WithGroupWeight("adoption", 2);

    internal static HealthScorer<Customer> Scorer(HealthModel? model = null) => HealthScorer.Create(model ?? Wingtip().Build(), Plugins);
}
