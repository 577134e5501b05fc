using System.Collections.Generic;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>The demo vendor's health model over <see cref="AccountFacts"/>, built from the library's seed 002 signals.</summary>
public static class DemoHealthModel
{
    /// <summary>
    /// Gets the model: seed 001's essential behaviour, then seed 002's adoption, support, relationship, financial and sponsor
    /// signals, with an overdue-invoice gate.
    /// </summary>
    public static HealthModel Model { get; } = HealthModel.CreateBuilder("wingtip")
        .AddSignal(new HealthSignalDefinition(new SignalId("behavior.essential_weeks"), Curve.Linear(1, 6), 1, "behavior"))
        .AddSignal(new HealthSignalDefinition(new SignalId("adoption.active_licences"), Curve.Linear(0.2, 0.8), 2, "adoption"))
        .AddSignal(new HealthSignalDefinition(new SignalId("support.cases_7d"), Curve.Steps(100, new CurvePoint(2, 70), new CurvePoint(5, 10)), 1, "support"))
        .AddSignal(new HealthSignalDefinition(new SignalId("support.oldest_p1p2_days"), Curve.Linear(30, 0), 1, "support"))
        .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(6, 30), new CurvePoint(8, 70), new CurvePoint(10, 100)), 1, "relationship"))
        .AddSignal(new HealthSignalDefinition(new SignalId("sponsor.days_since_meeting"), Curve.Linear(180, 14), 1, "relationship"))
        .AddSignal(new HealthSignalDefinition(new SignalId("invoice.days_past_due"), Curve.Linear(90, 0), 1, "financial"))
        .WithGroupWeight("behavior", 3)
        .WithGroupWeight("adoption", 2)
        .AddGate(new HealthGate(new SignalId("invoice.days_past_due"), GateComparison.AtLeast, 90, GateEffect.Cap, 39.9, "an invoice 90 days overdue caps at red"))
        .Build();

    /// <summary>Gets the signals that measure the model over the demo facts.</summary>
    public static IReadOnlyList<ISignal<AccountFacts>> Signals { get; } =
    [
        HealthSignals.Value<AccountFacts>(new SignalId("behavior.essential_weeks"), SignalTiming.Leading, f => f.EssentialWeeks, "the essential process is not tracked"),
        HealthSignals.ActiveLicenceShare<AccountFacts>(new SignalId("adoption.active_licences"), f => f.ActiveUsers, f => f.Licences),
        HealthSignals.CountInWindow<AccountFacts>(new SignalId("support.cases_7d"), SignalTiming.Lagging, f => Opened(f), Duration.FromDays(7)),
        HealthSignals.OldestOpenCaseAge<AccountFacts>(new SignalId("support.oldest_p1p2_days"), f => f.SupportCases),
        HealthSignals.NpsLatest<AccountFacts>(new SignalId("nps.latest"), f => f.Nps),
        HealthSignals.DaysSinceSponsorMeeting<AccountFacts>(new SignalId("sponsor.days_since_meeting"), f => f.SponsorMeetings),
        HealthSignals.DaysPastDue<AccountFacts>(new SignalId("invoice.days_past_due"), f => f.Invoices),
    ];

    private static IEnumerable<Instant> Opened(AccountFacts facts)
    {
        foreach (SupportCase c in facts.SupportCases)
        {
            yield return c.Opened;
        }
    }
}
