using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>Every account's MRR movement of each month, split into the subscription-level causes behind it.</summary>
internal sealed class MovementsCommand : ICommand
{
    public static readonly string[] Columns = ["account_id", "month", "movement", "cause", "amount", "currency"];

    public string Name => "movements";

    public string Summary => "Each account's MRR movements from a subscription log, split into causes: added, removed, paused, resumed, price, quantity, discount.";

    public IReadOnlyCollection<string> ValueOptions { get; } = [SubscriptionInput.Option, .. SubscriptionInput.RangeOptions, .. SubscriptionInput.PolicyOptions, "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} movements --subscriptions <events.csv> [--from <yyyy-MM>] [--to <yyyy-MM>] [--zone <tz>] [--discounts deduct|ignore] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        SubscriptionInput.WriteHelp(output, range: true);
        output.WriteLine("  --format csv|json             output format (default csv)");
        output.WriteLine();
        output.WriteLine("Output: account_id,month,movement,cause,amount,currency, one row per cause of each movement of every month after");
        output.WriteLine("the first of the range; movement is new, reactivation, expansion, contraction or churn (as 'retention' counts them);");
        output.WriteLine("cause is subscription_added, subscription_removed, paused, resumed, price, quantity or discount; amounts are");
        output.WriteLine("positive in the movement's direction and add up to it (a part against it, such as a price cut inside an");
        output.WriteLine("expansion, is negative). Sorted by account_id, month, movement, cause. Definitions: docs/revenue.md.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        string path = line.Required(SubscriptionInput.Option, "<file>");
        (SubscriptionBook book, YearMonth from, YearMonth to)? range = SubscriptionInput.Book(line);
        var rows = new List<IReadOnlyList<Cell>>();
        if (range is { } r)
        {
            try
            {
                rows.AddRange(Rows(r.book, r.from, r.to));
            }
            catch (OverflowException e)
            {
                throw new InputException($"{path}: {CliText.Message(e)}");
            }
        }

        TableOutput.Write(output, format, Columns, rows);
        return ExitCodes.Success;
    }

    private static IEnumerable<IReadOnlyList<Cell>> Rows(SubscriptionBook book, YearMonth from, YearMonth to)
    {
        var mrr = new Dictionary<(AccountId, Currency), SortedDictionary<YearMonth, decimal>>();
        foreach (MrrRow row in book.Rows(from, to))
        {
            if (!mrr.TryGetValue((row.Account, row.Mrr.Currency), out var months))
            {
                mrr[(row.Account, row.Mrr.Currency)] = months = [];
            }

            months[row.Month] = row.Mrr.Amount;
        }

        // The movement kinds are classified here, not read from an MrrHistory: a history reports from its first month with
        // revenue and holds one currency per account, while a log's range starts at its first event and may bill in several.
        var result = new List<(string Account, string Month, string Movement, string Cause, Money Amount)>();
        foreach (var group in book.Causes(from, to).GroupBy(p => (p.Account, p.Month, p.Change.Currency)))
        {
            var months = mrr.GetValueOrDefault((group.Key.Account, group.Key.Currency));
            decimal before = months?.GetValueOrDefault(group.Key.Month.PlusMonths(-1)) ?? 0m;
            decimal after = months?.GetValueOrDefault(group.Key.Month) ?? 0m;
            if (before == after)
            {
                continue; // parts that cancel out: no movement to explain
            }

            bool paidEarlier = months is not null && months.Any(m => m.Key < group.Key.Month.PlusMonths(-1));
            (string movement, int sign) = (before, after) switch
            {
                (0m, _) => (paidEarlier ? "reactivation" : "new", 1),
                (_, 0m) => ("churn", -1),
                _ when after > before => ("expansion", 1),
                _ => ("contraction", -1),
            };

            decimal total = 0;
            foreach (MrrCausePart part in group)
            {
                total += part.Change.Amount;
                result.Add((group.Key.Account.Value, YearMonthPattern.Iso.Format(group.Key.Month), movement, CauseName(part.Cause), new Money(sign * part.Change.Amount, group.Key.Currency)));
            }

            if (total != after - before)
            {
                throw new InvalidOperationException($"the causes of {group.Key.Account} in {group.Key.Month} add up to {total}, not its change {after - before}.");
            }
        }

        return result
            .OrderBy(r => r.Account, StringComparer.Ordinal).ThenBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.Movement, StringComparer.Ordinal)
            .ThenBy(r => r.Cause, StringComparer.Ordinal).ThenBy(r => r.Amount.Currency.Code, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<Cell>)[Cell.Of(r.Account), Cell.Of(r.Month), Cell.Of(r.Movement), Cell.Of(r.Cause), Cell.Of(r.Amount), Cell.Of(r.Amount.Currency.Code)]);
    }

    private static string CauseName(MrrCause cause) => cause switch
    {
        MrrCause.SubscriptionAdded => "subscription_added",
        MrrCause.SubscriptionRemoved => "subscription_removed",
        MrrCause.Paused => "paused",
        MrrCause.Resumed => "resumed",
        MrrCause.Price => "price",
        MrrCause.Quantity => "quantity",
        _ => "discount",
    };
}
