using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>The CMRR bridge between two days from a contract ledger file.</summary>
internal sealed class CmrrCommand : ICommand
{
    internal static readonly string[] Columns = ["section", "item", "amount", "count"];

    public string Name => "cmrr";

    public string Summary => "The committed-MRR bridge between two days from a contract ledger, with churn reasons.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["contracts", "from", "to", "format", "currency", "rates"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} cmrr --contracts <file> --from <yyyy-MM-dd> --to <yyyy-MM-dd> [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine("closing = opening + fx_impact + new + add_on + upgrade_quantity + upgrade_price - downgrade_quantity");
        output.WriteLine("          - downgrade_price - cancellations + first_time_archives (from the end of --from to the end of --to)");
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --contracts <file>                  contract CSV: " + string.Join(',', ContractCsv.Columns));
        output.WriteLine("                                      (the last six optional; dates yyyy-MM-dd; see docs/revenue.md)");
        output.WriteLine("  --from <date>, --to <date>          the bridge's period");
        output.WriteLine("  --format csv|json                   output format (default csv)");
        output.WriteLine("  --currency <code>, --rates <file>   reporting currency and exchange rates, as for 'retention'");
        output.WriteLine();
        output.WriteLine("Output columns: section,item,amount,count. Sections: bridge (opening_cmrr ... closing_cmrr; the count of");
        output.WriteLine("opening and closing is committed lines), renewals, customers, cancellations_by_reason, downgrades_by_reason,");
        output.WriteLine("cancellations_by_avoidability, downgrades_by_avoidability. Losses are positive amounts.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        string path = line.Required("contracts", "<file>");
        LocalDate from = ContractCsv.ParseDate(line.Required("from", "<yyyy-MM-dd>"), p => new UsageException("--from " + p));
        LocalDate to = ContractCsv.ParseDate(line.Required("to", "<yyyy-MM-dd>"), p => new UsageException("--to " + p));
        if (to <= from)
        {
            throw new UsageException("--to must be after --from.");
        }

        ContractFile contracts = ContractCsv.ReadLedger(path, RevenueInput.Options(line));
        CmrrBridge bridge = contracts.Compute(() => contracts.Ledger.Bridge(from, to));
        TableOutput.Write(output, format, Columns, Rows(bridge));
        return ExitCodes.Success;
    }

    internal static IEnumerable<Cell[]> Rows(CmrrBridge b)
    {
        Cell[] Row(string section, string item, Money? amount, int? count) =>
            [Cell.Of(section), Cell.Of(item), amount is { } a ? Cell.Of(a) : Cell.Empty, count is { } n ? Cell.Of(n) : Cell.Empty];

        yield return Row("bridge", "opening_cmrr", b.OpeningCmrr, b.LinesOpening);
        yield return Row("bridge", "fx_impact", b.FxImpact, null);
        yield return Row("bridge", "new", b.New, b.NewLines);
        yield return Row("bridge", "add_on", b.AddOn, b.AddOnLines);
        yield return Row("bridge", "upgrade_quantity", b.UpgradeQuantity, null);
        yield return Row("bridge", "upgrade_price", b.UpgradePrice, null);
        yield return Row("bridge", "downgrade_quantity", b.DowngradeQuantity, null);
        yield return Row("bridge", "downgrade_price", b.DowngradePrice, null);
        yield return Row("bridge", "cancellations", b.Cancellations, b.CancelledLines);
        yield return Row("bridge", "first_time_archives", b.FirstTimeArchives, b.FirstTimeArchiveLines);
        yield return Row("bridge", "closing_cmrr", b.ClosingCmrr, b.LinesClosing);
        yield return Row("renewals", "upgraded", null, b.UpgradedRenewals);
        yield return Row("renewals", "downgraded", null, b.DowngradedRenewals);
        yield return Row("renewals", "flat", null, b.FlatRenewals);
        yield return Row("customers", "opening", null, b.CustomersOpening);
        yield return Row("customers", "gained", null, b.CustomersGained);
        yield return Row("customers", "lost", null, b.CustomersLost);
        yield return Row("customers", "closing", null, b.CustomersClosing);
        foreach (CmrrLoss loss in b.LossesByReason.Where(l => l.CancelledLines > 0))
        {
            yield return Row("cancellations_by_reason", loss.Key, loss.Cancellations, loss.CancelledLines);
        }

        foreach (CmrrLoss loss in b.LossesByReason.Where(l => l.DowngradedRenewals > 0))
        {
            yield return Row("downgrades_by_reason", loss.Key, loss.Downgrades, loss.DowngradedRenewals);
        }

        foreach (CmrrLoss loss in b.LossesByAvoidability.Where(l => l.CancelledLines > 0))
        {
            yield return Row("cancellations_by_avoidability", loss.Key.ToLowerInvariant(), loss.Cancellations, loss.CancelledLines);
        }

        foreach (CmrrLoss loss in b.LossesByAvoidability.Where(l => l.DowngradedRenewals > 0))
        {
            yield return Row("downgrades_by_avoidability", loss.Key.ToLowerInvariant(), loss.Downgrades, loss.DowngradedRenewals);
        }
    }
}
