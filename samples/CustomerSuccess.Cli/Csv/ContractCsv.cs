using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// The contract ledger file behind <c>cmrr</c> (documented in docs/revenue.md): header
/// <c>line_id,account_id,order_type,signed,start,end,quantity,unit_price</c> and the optional columns
/// <c>billing_interval,currency,renews,cancellation_notice,churn_reason,avoidable</c>, in any order.
/// </summary>
internal static class ContractCsv
{
    public static readonly string[] Columns =
    [
        "line_id", "account_id", "order_type", "signed", "start", "end", "quantity", "unit_price", "billing_interval", "currency", "renews",
        "cancellation_notice", "churn_reason", "avoidable",
    ];

    private static readonly string[] RequiredColumns = ["line_id", "account_id", "order_type", "signed", "start", "end", "quantity", "unit_price"];

    /// <summary>Reads a contract file and builds the ledger; any error names the file, line and field.</summary>
    public static ContractFile ReadLedger(string path, MrrOptions options)
    {
        var lines = new List<ContractLine>();
        var lineNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        using (TableReader reader = TableReader.Open(path, RequiredColumns))
        {
            while (reader.Read() is { } record)
            {
                ContractLine line = Read(record, options.ReportingCurrency);
                if (!lineNumbers.TryAdd(line.LineId, record.Line))
                {
                    throw record.Error("line_id", $"line id '{CliText.Quote(line.LineId)}' is already used on {TablePlace.Row(path, lineNumbers[line.LineId])}; each contract line has its own id.");
                }

                lines.Add(line);
            }
        }

        return new ContractFile(path, lines, lineNumbers, options);
    }

    /// <summary>Writes contract lines in the file format that <see cref="ReadLedger"/> reads.</summary>
    public static string Format(IEnumerable<ContractLine> lines)
    {
        var text = new System.Text.StringBuilder(string.Join(',', Columns)).Append('\n');
        foreach (ContractLine l in lines)
        {
            text.AppendJoin(',',
                CsvText.Quote(l.LineId), CsvText.Quote(l.Account.Value), OrderType(l.OrderType), Date(l.SignedOn), Date(l.Start), Date(l.End),
                l.Quantity.ToString(CultureInfo.InvariantCulture), l.UnitPrice.Amount.ToString(CultureInfo.InvariantCulture),
                l.Billing.ToString().ToLowerInvariant(), l.Currency.Code, CsvText.Quote(l.Renews ?? string.Empty),
                l.CancellationNotice is { } n ? Date(n) : string.Empty, CsvText.Quote(l.ChurnReason ?? string.Empty),
                l.Avoidability switch { Avoidability.Avoidable => "yes", Avoidability.Unavoidable => "no", _ => string.Empty })
                .Append('\n');
        }

        return text.ToString();
    }

    public static LocalDate ParseDate(string text, Func<string, Exception> error)
    {
        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw error($"'{CliText.Quote(text)}' is not a date; use yyyy-MM-dd, such as 2026-06-30.");
    }

    private static ContractLine Read(TableRecord record, Currency defaultCurrency)
    {
        string orderType = record.Required("order_type");
        string billing = record.Optional("billing_interval") ?? "month";
        string? avoidable = record.Optional("avoidable");
        Currency currency = record.Optional("currency") is { } code ? MrrCsv.ParseCurrency(record, "currency", code) : defaultCurrency;
        decimal unitPrice = MrrCsv.ParseAmount(record, "unit_price");
        return new ContractLine
        {
            LineId = record.Required("line_id"),
            Account = MrrCsv.ParseAccountId(record),
            OrderType = orderType switch
            {
                "new" => ContractOrderType.New,
                "add-on" => ContractOrderType.AddOn,
                "renewal" => ContractOrderType.Renewal,
                "archive" => ContractOrderType.Archive,
                _ => throw record.Error("order_type", $"'{CliText.Quote(orderType)}' is not an order type; use new, add-on, renewal or archive."),
            },
            SignedOn = Date(record, "signed"),
            Start = Date(record, "start"),
            End = Date(record, "end"),
            Quantity = MrrCsv.ParseAmount(record, "quantity"),
            UnitPrice = new Money(unitPrice, currency),
            Billing = billing switch
            {
                "month" => BillingInterval.Month,
                "quarter" => BillingInterval.Quarter,
                "year" => BillingInterval.Year,
                _ => throw record.Error("billing_interval", $"'{CliText.Quote(billing)}' is not a billing interval; use month, quarter or year."),
            },
            Renews = record.Optional("renews"),
            CancellationNotice = record.Optional("cancellation_notice") is { } notice ? ParseDate(notice, p => record.Error("cancellation_notice", p)) : null,
            ChurnReason = record.Optional("churn_reason"),
            Avoidability = avoidable switch
            {
                null => Avoidability.Unspecified,
                "yes" => Avoidability.Avoidable,
                "no" => Avoidability.Unavoidable,
                _ => throw record.Error("avoidable", $"'{CliText.Quote(avoidable)}' is not yes, no or empty."),
            },
        };
    }

    private static LocalDate Date(TableRecord record, string column) => ParseDate(record.Required(column), p => record.Error(column, p));

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string OrderType(ContractOrderType type) => type switch
    {
        ContractOrderType.New => "new",
        ContractOrderType.AddOn => "add-on",
        ContractOrderType.Renewal => "renewal",
        _ => "archive",
    };
}

/// <summary>A contract file read into a ledger, with the line of each contract line id, so later failures name their line.</summary>
internal sealed class ContractFile
{
    private readonly IReadOnlyList<ContractLine> _lines;
    private readonly Dictionary<string, int> _lineNumbers;

    public ContractFile(string path, IReadOnlyList<ContractLine> lines, Dictionary<string, int> lineNumbers, MrrOptions options)
    {
        Path = path;
        _lines = lines;
        _lineNumbers = lineNumbers;
        Ledger = Compute(() => CmrrLedger.Create(lines, options));
    }

    public string Path { get; }

    public CmrrLedger Ledger { get; }

    /// <summary>Runs a computation, turning a line's problem, a missing rate or an overflow into bad input naming the file line.</summary>
    public T Compute<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (ContractLineException e) when (e.LineId is not null && _lineNumbers.TryGetValue(e.LineId, out int number))
        {
            throw InputException.At(Path, number, e.Field ?? "line_id", CliText.Message(e));
        }
        catch (MissingExchangeRateException e)
        {
            string advice = "Pass the rates with --rates <file>.";
            foreach (ContractLine line in _lines)
            {
                if (line.Currency == e.From)
                {
                    throw InputException.At(Path, _lineNumbers[line.LineId], "currency", $"line '{CliText.Quote(line.LineId)}' of account '{CliText.Quote(line.Account.Value)}' is in {e.From}: {CliText.Message(e)} {advice}");
                }
            }

            throw new InputException($"{Path}: {CliText.Message(e)} {advice}");
        }
        catch (OverflowException e)
        {
            throw new InputException($"{Path}: {CliText.Message(e)}");
        }
    }
}
