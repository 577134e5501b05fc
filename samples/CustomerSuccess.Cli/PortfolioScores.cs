using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace CustomerSuccess.Cli;

/// <summary>
/// The health a portfolio report draws: every scored account's snapshot on one day, one model's, with the model's bands;
/// from the demo's facts, or from a store's run (with its open alerts).
/// </summary>
/// <param name="AsOf">The day scored.</param>
/// <param name="Bands">The model's bands.</param>
/// <param name="Scored">Each account of the portfolio with its snapshot, in the portfolio's order.</param>
/// <param name="Source">Where the scores come from, for the section's lead.</param>
/// <param name="OpenAlerts">The store's alerts open on the day; empty for the demo (its alerts are evaluated afresh).</param>
internal sealed record PortfolioScores(LocalDate AsOf, HealthBands Bands, IReadOnlyList<(PortfolioAccount Account, ScoreSnapshot Snapshot)> Scored, string Source, IReadOnlyList<AlertRecord> OpenAlerts)
{
    /// <summary>The demo's accounts paying in its last month, scored with the demo model as of its last day.</summary>
    public static PortfolioScores OfDemo(Portfolio portfolio, DemoHistory demo)
    {
        HealthScorer<AccountFacts> scorer = HealthScorer.Create(DemoHealthModel.Model, DemoHealthModel.Signals);
        var context = new SignalContext(DemoFacts.AsOf, DateTimeZone.Utc);
        LocalDate day = DemoFacts.AsOf.InUtc().Date;
        string hash = ScoreSnapshot.HashOf(DemoHealthModel.Model);
        (PortfolioAccount, ScoreSnapshot)[] scored = [.. portfolio.Accounts.Where(a => demo.Latest.ContainsKey(a.Id))
            .Select(a => (a, ScoreSnapshot.Of(a.Id, day, DemoHealthModel.Model.Name, hash, scorer.Explain(demo.Latest[a.Id], context))))];
        return new PortfolioScores(day, DemoHealthModel.Model.Bands, scored, $"Each paying account scored with the model '{DemoHealthModel.Model.Name}'", []);
    }

    /// <summary>
    /// A store's snapshots of one day (of one model: the first name in ordinal order when the day holds several), the
    /// accounts matched to the portfolio's, and the alerts open at the day's end.
    /// </summary>
    public static PortfolioScores OfStore(CliStore store, Portfolio portfolio, LocalDate asOf)
    {
        IReadOnlyList<ScoreSnapshot> day = StoreInput.Use(store, s => s.GetSnapshotsAsync(asOf, asOf));
        if (day.Count == 0)
        {
            throw new InputException($"{CliText.Quote(store.Name)}: no snapshots are stored for {StoreInput.Text(asOf)}; record that day's run first ({CliApp.ToolName} run --store <store> --as-of {StoreInput.Text(asOf)}) or give --as-of a day a run recorded.");
        }

        string model = day.Select(s => s.ModelName).Min(StringComparer.Ordinal)!;
        ScoreSnapshot[] snapshots = [.. day.Where(s => string.Equals(s.ModelName, model, StringComparison.Ordinal))];
        var byAccount = snapshots.ToDictionary(s => s.Account);
        (PortfolioAccount, ScoreSnapshot)[] scored = [.. portfolio.Accounts.Where(a => byAccount.ContainsKey(a.Id)).Select(a => (a, byAccount[a.Id]))];
        int unknown = snapshots.Length - scored.Length;
        HealthBands bands = StoreInput.Use(store, s => s.GetModelAsync(snapshots[0]))?.Bands ?? BandsSeen(snapshots);
        AlertRecord[] open = [.. StoreInput.AlertsAsOf(store, asOf).Where(a => a.IsOpen)];
        string left = unknown == 0 ? string.Empty : $" ({unknown} stored account{(unknown == 1 ? " is" : "s are")} not in the portfolio's accounts and left out)";
        return new PortfolioScores(asOf, bands, scored,
            $"The scores the store {store.Name} holds for {StoreInput.Text(asOf)}, model '{model}'{left}", open);
    }

    // A store written before models were recorded (schema 3) keeps each snapshot's band by name: the bands are those
    // names, each from the lowest score seen in it (the first from 0).
    private static HealthBands BandsSeen(IEnumerable<ScoreSnapshot> snapshots)
    {
        (string Name, double LowerBound)[] seen = [.. snapshots.Where(s => s.Score.HasValue && s.Band is not null)
            .GroupBy(s => s.Band!, StringComparer.Ordinal).Select(g => (g.Key, g.Min(s => s.Score!.Value))).OrderBy(b => b.Item2)];
        return seen.Length == 0 ? HealthBands.Default : HealthBands.Create([(seen[0].Name, 0), .. seen.Skip(1)]);
    }
}
