using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.Signals;
using NodaTime;
using DemoAccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace CustomerSuccess.Cli;

/// <summary>
/// The behavior part of the main job on the demo data: the alerts the demo team's rule set raises over the demo event
/// stream as of its last day, counted by rule, then the danger alerts listed with their evidence.
/// </summary>
internal static class PortfolioAlerts
{
    public static void WriteTable(Portfolio portfolio, IReadOnlyDictionary<AccountId, DemoAccountFacts> facts, TextWriter output)
    {
        BehaviorEvaluator evaluator = DemoEvents.CreateEvaluator(portfolio, facts);
        RuleSet rules = RuleSet.Parse(DemoRules.Text);
        IReadOnlyList<Alert> alerts = evaluator.Alerts(rules, new SignalContext(DemoFacts.AsOf, DateTimeZone.Utc), moreAccounts: facts.Keys);
        var names = portfolio.Accounts.ToDictionary(a => a.Id);
        CultureInfo c = CultureInfo.InvariantCulture;

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Alerts, as of {DemoFacts.AsOf.InUtc().Date:uuuu-MM-dd} ({rules.Count} rules over {evaluator.Store.Count:N0} events of {evaluator.Store.Accounts.Count:N0} accounts; '{CliApp.ToolName} demo' writes them)"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{"Rule",-24}{"Kind",-13}{"Severity",-10}{"Alerts",8}"));
        foreach (BehaviorRule rule in rules)
        {
            output.WriteLine(string.Create(c, $"{rule.Id,-24}{rule.Kind.ToString().ToLowerInvariant(),-13}{rule.Severity.ToString().ToLowerInvariant(),-10}{alerts.Count(a => a.RuleId == rule.Id),8:N0}"));
        }

        var danger = alerts.Where(a => a.Severity == AlertSeverity.Danger).ToArray();
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Danger alerts ({danger.Length:N0}; the first 10 by account id)"));
        foreach (Alert alert in danger.Take(10))
        {
            PortfolioAccount account = names[alert.Account];
            output.WriteLine(string.Create(c, $"  {alert.Account,-12} {account.Name} ({account.Segment}, {account.Csm}): {alert.RuleId}"));
            output.WriteLine(string.Create(c, $"      {alert.EvidenceText()}"));
        }
    }
}
