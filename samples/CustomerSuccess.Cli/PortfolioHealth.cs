using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// The health part of the main job on the demo data: the band distribution by segment and the ten riskiest accounts
/// with their explanations, scored with the demo's model as of the end of its last month.
/// </summary>
internal static class PortfolioHealth
{
    public static void WriteTable(Portfolio portfolio, IReadOnlyDictionary<AccountId, AccountFacts> facts, TextWriter output)
    {
        HealthScorer<AccountFacts> scorer = HealthScorer.Create(DemoHealthModel.Model, DemoHealthModel.Signals);
        var context = new SignalContext(DemoFacts.AsOf, DateTimeZone.Utc);
        var accounts = portfolio.Accounts.Where(a => facts.ContainsKey(a.Id)).ToArray();
        var scores = accounts.Select(a => (Account: a, Score: scorer.Score(facts[a.Id], context))).ToArray();
        CultureInfo c = CultureInfo.InvariantCulture;

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Health, as of {DemoFacts.AsOf.InUtc().Date:uuuu-MM-dd} (model '{DemoHealthModel.Model.Name}', {scores.Length:N0} paying accounts)"));
        output.WriteLine();
        HealthBands bands = DemoHealthModel.Model.Bands;
        output.WriteLine(string.Create(c, $"{"Segment",-14}") + string.Concat(bands.All.Select(b => string.Create(c, $"{b.Name,9}"))) + string.Create(c, $"{"undefined",11}{"green share",13}"));
        foreach (BandDistribution d in HealthRollups.BandDistribution(scores.Select(s => (s.Account.Segment, s.Score)), bands))
        {
            output.WriteLine(string.Create(c, $"{d.Segment,-14}") + string.Concat(bands.All.Select(b => string.Create(c, $"{d.Count(b.Name),9:N0}"))) + string.Create(c, $"{d.Undefined,11:N0}{d.Share(bands.All[^1].Name),13}"));
        }

        output.WriteLine();
        output.WriteLine("Ten riskiest accounts (lowest scores), with each signal's raw value and its contribution in points");
        foreach (var (account, _) in scores.Where(s => s.Score.HasValue).OrderBy(s => s.Score.Value).ThenBy(s => s.Account.Id).Take(10))
        {
            HealthExplanation why = scorer.Explain(facts[account.Id], context);
            output.WriteLine();
            output.WriteLine(string.Create(c, $"{account.Id,-12} {account.Name} ({account.Segment}, {account.Csm}): {why.Score}"));
            foreach (SignalContribution s in why.Signals)
            {
                string raw = s.Raw.IsPresent ? s.Raw.Value.ToString("0.##", c) : "missing: " + s.Raw.MissingReason;
                output.WriteLine(string.Create(c, $"    {s.Id,-28}{raw,-32}{s.Contribution,8:0.0} pts  ({s.Timing.ToString().ToLowerInvariant()})"));
            }

            foreach (ScoreAdjustment adjustment in why.Adjustments)
            {
                output.WriteLine(string.Create(c, $"    {adjustment.Kind.ToString().ToLowerInvariant() + ": " + adjustment.Reason,-60}{adjustment.Delta,8:0.0} pts"));
            }
        }
    }
}
