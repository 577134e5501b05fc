using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace HostedScoring;

/// <summary>What one run found.</summary>
/// <param name="AsOf">The instant scored as of, from the injected clock.</param>
/// <param name="Bands">Accounts per band name; "undefined" for accounts without a score.</param>
/// <param name="Alerts">The alerts raised in this run (after cooldowns).</param>
public sealed record ScoringSummary(Instant AsOf, IReadOnlyDictionary<string, int> Bands, IReadOnlyList<Alert> Alerts);

/// <summary>
/// Scores every account with the model its segment selects and evaluates the rule set, once per interval; the as-of instant
/// comes from the injected <see cref="IClock"/>, the waiting from the injected <see cref="TimeProvider"/>. The alert log and the
/// overrides come from the injected stores (SQLite by default), so cooldowns and overrides hold across runs and restarts.
/// </summary>
public sealed partial class ScoringWorker(
    HealthScorers<AccountFacts> scorers,
    BehaviorRuleSets ruleSets,
    PlanTemplates templates,
    DemoPortfolio portfolio,
    IOptions<ScoringOptions> options,
    IClock clock,
    TimeProvider time,
    IAlertLog alertLog,
    IOverrideStore overrideStore,
    IHostApplicationLifetime lifetime,
    ILogger<ScoringWorker> logger) : BackgroundService
{
    /// <summary>Runs one scoring pass as of the clock's current instant.</summary>
    /// <returns>What it found.</returns>
    public ScoringSummary ScoreOnce()
    {
        Instant asOf = clock.GetCurrentInstant();
        var context = new SignalContext(asOf, DateTimeZone.Utc);
        var bands = new SortedDictionary<string, int>(StringComparer.Ordinal);
        IReadOnlyDictionary<AccountId, ManualOverride> overrides = OverrideRecord.InForce(overrideStore.GetOverridesAsync().AsTask().GetAwaiter().GetResult(), asOf);
        foreach (PortfolioAccount account in portfolio.Accounts)
        {
            HealthScorer<AccountFacts> scorer = scorers.For(attribute => attribute == "segment" ? account.Segment : null);
            HealthScore score = scorer.Score(portfolio.Facts[account.Id], context, overrides.GetValueOrDefault(account.Id));
            string band = score.Band?.Name ?? "undefined";
            bands[band] = bands.GetValueOrDefault(band) + 1;
        }

        IReadOnlyList<AlertRecord> earlier = alertLog.GetLatestAsync(asOf).AsTask().GetAwaiter().GetResult();
        IReadOnlyList<Alert> alerts = portfolio.Behaviors.Alerts(ruleSets.Get(options.Value.RuleSet), context, earlier.Select(a => a.ToAlert()));
        alertLog.RecordAlertsAsync(alerts).AsTask().GetAwaiter().GetResult();
        string bandCounts = string.Join(", ", bands.Select(b => $"{b.Value} {b.Key}"));
        int danger = alerts.Count(a => a.Severity == AlertSeverity.Danger);
        LogScored(portfolio.Accounts.Count, asOf, bandCounts);
        LogAlerts(alerts.Count, options.Value.RuleSet, danger);
        foreach (Alert alert in alerts.Where(a => a.Severity == AlertSeverity.Danger).Take(5))
        {
            LogDanger(alert.Account, alert.RuleId, alert.EvidenceText());
        }

        return new ScoringSummary(asOf, bands, alerts);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(templates.All.Count, options.Value.IntervalHours);
        for (int run = 1; !stoppingToken.IsCancellationRequested; run++)
        {
            ScoreOnce();
            if (options.Value.Runs > 0 && run >= options.Value.Runs)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromHours(options.Value.IntervalHours), time, stoppingToken).ConfigureAwait(false);
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring every {IntervalHours} h with {Templates} plan templates loaded")]
    private partial void LogStarting(int templates, int intervalHours);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Accounts} accounts as of {AsOf}: {Bands}")]
    private partial void LogScored(int accounts, Instant asOf, string bands);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Alerts} alerts from rule set '{RuleSet}', {Danger} of them danger")]
    private partial void LogAlerts(int alerts, string ruleSet, int danger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Danger at {Account} ({Rule}): {Evidence}")]
    private partial void LogDanger(AccountId account, string rule, string evidence);
}
