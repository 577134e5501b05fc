using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;

namespace CustomerSuccess.Cli;

/// <summary>
/// The predictive part of the main job on the demo data: the demo model's past scores checked against the churn that
/// followed (AUC with its interval, churn by band, unexpected churn) and each signal's lead time, with the tags the data
/// contradict named. The same figures as <c>backtest</c> over the files <c>demo</c> writes.
/// </summary>
internal static class PortfolioBacktest
{
    /// <summary>The horizons the main job checks, in days.</summary>
    public static readonly int[] Horizons = [30, 90, 180];

    public static void WriteTable(DemoHistory demo, TextWriter output)
    {
        HealthScorer<AccountFacts> scorer = HealthScorer.Create(DemoHealthModel.Model, DemoHealthModel.Signals);
        ChurnHistory<AccountFacts> history = demo.ToChurnHistory();
        BacktestReport[] reports = [.. Horizons.Select(h => HealthBacktest.Run(scorer, history, h))];
        IReadOnlyList<SignalLeadTime> leads = SignalLeadTime.Analyze(scorer, history, Horizons);
        CultureInfo c = CultureInfo.InvariantCulture;
        int accounts = demo.Outcomes.Count;
        int churned = demo.Outcomes.Count(o => o.ChurnedOn is not null);

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Backtest of model '{DemoHealthModel.Model.Name}': {demo.Snapshots.Count:N0} month-end snapshots of {accounts:N0} accounts, {churned:N0} of which churned, up to {demo.ObservedUntil:uuuu-MM-dd}"));
        output.WriteLine(string.Create(c, $"('{CliApp.ToolName} demo' writes {DemoCommand.SnapshotsFile}, {DemoCommand.OutcomesFile} and {DemoCommand.ModelFile}; '{CliApp.ToolName} backtest' reruns it; docs/predictive.md)"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{"Horizon",-9}{"Snapshots",10}{"Churned",9}{"AUC",8}{"95% interval",17}{"Unexpected churn",26}"));
        foreach (BacktestReport r in reports)
        {
            string interval = r.AucLow is { } low && r.AucHigh is { } high ? string.Create(c, $"{low:0.0000}-{high:0.0000}") : "-";
            string unexpected = string.Create(c, $"{Percent(r.UnexpectedChurn)} of {r.UnexpectedChurnAccounts:N0} churners");
            output.WriteLine(string.Create(c, $"{r.HorizonDays + "d",-9}{r.Labelled,10:N0}{r.Churned,9:N0}{Auc(r.Auc),8}{interval,17}{unexpected,26}"));
        }

        output.WriteLine();
        output.WriteLine("Churn by band: the share of a band's snapshots whose account churned within the horizon, and that share over the base rate");
        output.WriteLine(string.Create(c, $"{"Horizon",-9}{"Band",-8}{"Snapshots",10}{"Churned",9}{"Churn rate",12}{"Lift",8}"));
        foreach (BacktestReport r in reports)
        {
            foreach (BandChurn band in r.Bands)
            {
                string lift = band.Lift.TryGetValue(out decimal l) ? string.Create(c, $"{l:0.00}x") : "-";
                output.WriteLine(string.Create(c, $"{r.HorizonDays + "d",-9}{band.Band,-8}{band.Snapshots,10:N0}{band.Churned,9:N0}{Percent(band.ChurnRate),12}{lift,8}"));
            }
        }

        output.WriteLine();
        output.WriteLine("Lead time: each signal's own AUC by horizon (0.5 is chance); a leading signal keeps three quarters of its power at the longest");
        output.WriteLine(string.Create(c, $"{"Signal",-28}") + string.Concat(Horizons.Select(h => string.Create(c, $"{h + "d",8}"))) + string.Create(c, $"  {"Tagged",-9}{"Data suggest"}"));
        foreach (SignalLeadTime lead in leads)
        {
            string suggested = lead.Suggested is { } s ? Predictive.TagName(s) : "no power";
            output.WriteLine(string.Create(c, $"{lead.Signal,-28}") + string.Concat(lead.AucByHorizon.Select(a => string.Create(c, $"{Auc(a.Auc),8}")))
                + string.Create(c, $"  {Predictive.TagName(lead.Configured),-9}{suggested,-14}{(lead.Contradicted ? "contradicted" : "")}").TrimEnd());
        }

        SignalLeadTime[] contradicted = [.. leads.Where(l => l.Contradicted)];
        output.WriteLine();
        output.WriteLine(contradicted.Length == 0
            ? "Every tag agrees with what the data suggest."
            : string.Create(c, $"The data contradict {contradicted.Length} tag{(contradicted.Length == 1 ? "" : "s")}: ")
                + string.Join("; ", contradicted.Select(l => string.Create(c, $"{l.Signal} is tagged {Predictive.TagName(l.Configured)} but {Power(l)}, so the data suggest {Predictive.TagName(l.Suggested!.Value)}"))) + ".");
    }

    private static string Power(SignalLeadTime lead)
    {
        double near = lead.AucByHorizon[0].Auc!.Value - 0.5;
        double far = (lead.AucByHorizon[^1].Auc ?? 0.5) - 0.5;
        return string.Create(CultureInfo.InvariantCulture, $"keeps {far / near:0%} of its power above chance from {lead.AucByHorizon[0].HorizonDays} to {lead.AucByHorizon[^1].HorizonDays} days");
    }

    private static string Auc(double? auc) => auc is { } a ? a.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string Percent(Ratio ratio) => ratio.TryGetValue(out decimal value) ? value.ToString("0.0%", CultureInfo.InvariantCulture) : "-";
}
