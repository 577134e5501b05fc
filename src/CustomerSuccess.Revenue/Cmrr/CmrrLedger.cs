using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// The contract ledger behind committed monthly recurring revenue (Customer Success by Mehta et al., law 8): "the combined value of all of the
/// recognized recurring subscription revenue on a monthly basis, plus signed contracts currently committed and going
/// into production, minus churn" (customers who turned the service off or gave notice).
/// </summary>
/// <remarks>
/// <para>When a line counts in CMRR (its commitment):</para>
/// <list type="bullet">
/// <item><description>a new or add-on line from the day it is signed ("committed and going into production");</description></item>
/// <item><description>a renewal or archive line from the day it is due (its start) when signed early, or from the day it is signed when late,
/// replacing the line it renews; a late renewal keeps its term dates, and until it is signed the line it renews stays in CMRR as expected revenue;</description></item>
/// <item><description>until the day of a cancellation notice, from which the line no longer counts;</description></item>
/// <item><description>a line that reaches the end of its term with neither a renewal nor a notice stays in CMRR as an expected (late) renewal.</description></item>
/// </list>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CmrrLedger
{
    private static readonly LocalDate Never = LocalDate.MaxIsoValue;

    private readonly Commitment[] _commitments;
    private readonly MrrOptions _options;

    private CmrrLedger(Commitment[] commitments, MrrOptions options)
    {
        _commitments = commitments;
        _options = options;
    }

    /// <summary>Gets the number of lines in the ledger.</summary>
    public int Count => _commitments.Length;

    /// <summary>Validates contract lines together and builds a ledger.</summary>
    /// <param name="lines">The lines, in any order.</param>
    /// <param name="options">The reporting currency and exchange rates (other settings are not used); the defaults when <see langword="null"/>.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ContractLineException">
    /// A line is invalid or contradicts another: a duplicate id, a term ending before it starts, a renewal of an unknown line or of
    /// another account's line, two renewals of one line, a renewal starting no later than the line it renews, a renewal in another
    /// currency, an archive renewing a line that is not an archive, a quantity x unit price beyond what a decimal holds. The message
    /// names the line and field.
    /// </exception>
    public static CmrrLedger Create(IEnumerable<ContractLine> lines, MrrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        MrrOptions snapshot = (options ?? new MrrOptions()).Snapshot();
        var byId = new Dictionary<string, ContractLine>(StringComparer.Ordinal);
        var renewedBy = new Dictionary<string, ContractLine>(StringComparer.Ordinal);
        foreach (ContractLine line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (line.Problem() is { } problem)
            {
                throw new ContractLineException(line.LineId ?? "(no id)", problem.Field, problem.Problem);
            }

            if (!byId.TryAdd(line.LineId, line))
            {
                throw new ContractLineException(line.LineId, "line_id", "another line has the same id");
            }
        }

        foreach (ContractLine line in byId.Values)
        {
            if (string.IsNullOrEmpty(line.Renews))
            {
                continue;
            }

            if (!byId.TryGetValue(line.Renews, out ContractLine? previous))
            {
                throw new ContractLineException(line.LineId, "renews", $"no line has the id '{line.Renews}'");
            }

            if (previous.Account != line.Account)
            {
                throw new ContractLineException(line.LineId, "renews", $"line '{previous.LineId}' belongs to account '{previous.Account}', not '{line.Account}'");
            }

            if (line.OrderType == ContractOrderType.Archive && previous.OrderType != ContractOrderType.Archive)
            {
                throw new ContractLineException(line.LineId, "renews", $"an archive renews only an earlier archive; '{previous.LineId}' is a {previous.OrderType} line (record its cancellation instead)");
            }

            if (line.Start <= previous.Start)
            {
                throw new ContractLineException(line.LineId, "start", $"a renewal must start after the line it renews ('{previous.LineId}' starts {Iso(previous.Start)})");
            }

            if (line.Currency != previous.Currency)
            {
                throw new ContractLineException(line.LineId, "currency", $"the renewal is in {line.Currency} but '{previous.LineId}' is in {previous.Currency}");
            }

            if (!renewedBy.TryAdd(previous.LineId, line))
            {
                throw new ContractLineException(line.LineId, "renews", $"line '{previous.LineId}' is already renewed by '{renewedBy[previous.LineId].LineId}'");
            }
        }

        var commitments = new Dictionary<string, Commitment>(StringComparer.Ordinal);
        foreach (ContractLine line in byId.Values)
        {
            LocalDate notice = line.CancellationNotice ?? Never;
            Commitment commitment;
            if (renewedBy.TryGetValue(line.LineId, out ContractLine? next))
            {
                LocalDate nextFrom = CommittedFrom(next);
                LocalDate nextNotice = next.CancellationNotice ?? Never;
                if (nextNotice > nextFrom)
                {
                    // The renewal takes over on the day it starts counting, unless this line was cancelled first.
                    commitment = nextFrom <= notice
                        ? new Commitment(line, CommittedFrom(line), nextFrom, replaced: true, line)
                        : new Commitment(line, CommittedFrom(line), notice, replaced: false, line);
                }
                else
                {
                    // Notice was given on the renewal before it counted: the customer is leaving, from that notice.
                    commitment = new Commitment(line, CommittedFrom(line), LocalDate.Min(notice, nextNotice), replaced: false, notice <= nextNotice ? line : next);
                }
            }
            else
            {
                commitment = new Commitment(line, CommittedFrom(line), notice, replaced: false, line);
            }

            commitments[line.LineId] = commitment;
        }

        foreach (Commitment commitment in commitments.Values)
        {
            if (commitment.Line.Renews is { Length: > 0 } renews)
            {
                Commitment previous = commitments[renews];
                // A renewal takes over only from a line that was still committed up to the day the renewal starts counting.
                commitment.Predecessor = previous.Replaced && previous.Until == commitment.From && previous.From < previous.Until ? previous : null;
            }
        }

        return new CmrrLedger([.. commitments.Values], snapshot);
    }

    /// <summary>Returns the committed MRR at the end of a day, in the reporting currency at that month's rates.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The CMRR.</returns>
    /// <exception cref="MissingExchangeRateException">A line in another currency has no rate for the month.</exception>
    /// <exception cref="ContractLineException">A sum or conversion passes what a decimal holds; the exception names the line that tipped it (field unit_price).</exception>
    public Money CmrrAt(LocalDate date)
    {
        var converter = new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates);
        int month = MonthIndex.Of(date.ToYearMonth());
        decimal total = 0m;
        Commitment? current = null;
        try
        {
            foreach (Commitment c in _commitments)
            {
                current = c;
                if (c.IsCommittedAt(date))
                {
                    total += converter.Convert(c.MonthlyValue, c.Line.Currency, month);
                }
            }
        }
        catch (OverflowException)
        {
            throw Overflow(current);
        }

        return new Money(total, _options.ReportingCurrency);
    }

    /// <summary>
    /// Computes the CMRR bridge from the end of <paramref name="from"/> to the end of <paramref name="to"/>:
    /// <c>closing = opening + FX impact + new + add-on + upgrades - downgrades - cancellations + first-time archives</c>,
    /// with upgrades and downgrades split into quantity and price, in money and in counts, and the losses broken down by
    /// churn reason and by avoidability. Movements are at <paramref name="to"/>'s exchange rates; the revaluation of the
    /// opening CMRR at those rates is the FX impact.
    /// </summary>
    /// <param name="from">The day whose closing CMRR is the opening.</param>
    /// <param name="to">The last day of the period, after <paramref name="from"/>.</param>
    /// <returns>The bridge.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    /// <exception cref="MissingExchangeRateException">A line in another currency has no rate for a month needed.</exception>
    /// <exception cref="ContractLineException">A sum or conversion passes what a decimal holds; the exception names the line that tipped it (field unit_price).</exception>
    public CmrrBridge Bridge(LocalDate from, LocalDate to)
    {
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The bridge must end after it starts ({Iso(from)}).");
        }

        var converter = new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates);
        int openingMonth = MonthIndex.Of(from.ToYearMonth());
        int closingMonth = MonthIndex.Of(to.ToYearMonth());
        var bridge = new CmrrBridge.Accumulator(from, to, _options.ReportingCurrency);
        var openingAccounts = new HashSet<AccountId>();
        var closingAccounts = new HashSet<AccountId>();
        Commitment? current = null;
        try
        {
            foreach (Commitment c in _commitments)
            {
                current = c;
                Add(c, from, to, openingMonth, closingMonth, converter, bridge, openingAccounts, closingAccounts);
            }

            bridge.CustomersOpening = openingAccounts.Count;
            bridge.CustomersClosing = closingAccounts.Count;
            bridge.CustomersGained = closingAccounts.Count(a => !openingAccounts.Contains(a));
            bridge.CustomersLost = openingAccounts.Count(a => !closingAccounts.Contains(a));
            return bridge.Build();
        }
        catch (OverflowException)
        {
            throw Overflow(current);
        }
    }

    // The line whose amount tipped a sum (or its conversion) past what a decimal holds.
    private static ContractLineException Overflow(Commitment? tipping) =>
        new(tipping?.Line.LineId ?? "(no line)", "unit_price", $"adding this line takes the committed MRR past {Overflows.Limit}");

    private void Add(
        Commitment c, LocalDate from, LocalDate to, int openingMonth, int closingMonth, CurrencyConverter converter,
        CmrrBridge.Accumulator bridge, HashSet<AccountId> openingAccounts, HashSet<AccountId> closingAccounts)
    {
        ContractLine line = c.Line;
        bool open = c.IsCommittedAt(from);
        bool close = c.IsCommittedAt(to);
        bool starts = c.From < c.Until && c.From > from && c.From <= to;
        bool cancelled = !c.Replaced && c.From < c.Until && c.Until > from && c.Until <= to;
        if (!(open || close || starts || cancelled))
        {
            return;
        }

        decimal value = converter.Convert(c.MonthlyValue, line.Currency, closingMonth);
        if (open)
        {
            bridge.Opening += converter.Convert(c.MonthlyValue, line.Currency, openingMonth);
            bridge.OpeningAtClosingRates += value;
            bridge.LinesOpening++;
            openingAccounts.Add(line.Account);
        }

        if (close)
        {
            bridge.Closing += value;
            bridge.LinesClosing++;
            closingAccounts.Add(line.Account);
        }

        // Each change of commitment inside (from, to] is one movement.
        if (starts)
        {
            if (c.Predecessor is { } previous)
            {
                decimal delta = value - converter.Convert(previous.MonthlyValue, previous.Line.Currency, closingMonth);

                // Rounded to the cent like every other movement, so the bridge stays in whole cents.
                decimal quantityEffect = Math.Round(
                    converter.Convert((line.Quantity - previous.Line.Quantity) * previous.Line.MonthlyUnitPrice.Amount, line.Currency, closingMonth),
                    _options.ReportingCurrency.MinorUnits,
                    MidpointRounding.AwayFromZero);
                bridge.AddRenewal(delta, quantityEffect, line.ChurnReason, line.Avoidability);
            }
            else if (line.OrderType == ContractOrderType.Archive)
            {
                bridge.AddFirstTimeArchive(value);
            }
            else if (line.OrderType == ContractOrderType.AddOn)
            {
                bridge.AddAddOn(value);
            }
            else
            {
                // A new line, or a renewal of a line that had already lapsed: new business either way.
                bridge.AddNew(value);
            }
        }

        if (cancelled)
        {
            bridge.AddCancellation(value, c.CancelledBy.ChurnReason, c.CancelledBy.Avoidability);
        }
    }

    private static LocalDate CommittedFrom(ContractLine line) => line.OrderType is ContractOrderType.New or ContractOrderType.AddOn
        ? line.SignedOn
        : LocalDate.Max(line.Start, line.SignedOn);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A line's commitment: from the end of the day before <see cref="From"/> through the day before <see cref="Until"/>.</summary>
    private sealed class Commitment(ContractLine line, LocalDate from, LocalDate until, bool replaced, ContractLine cancelledBy)
    {
        public ContractLine Line { get; } = line;

        /// <summary>Gets the line's monthly value, computed once.</summary>
        public decimal MonthlyValue { get; } = line.MonthlyValue.Amount;

        /// <summary>Gets the line whose notice ends the commitment (its reason and avoidability are the cancellation's).</summary>
        public ContractLine CancelledBy { get; } = cancelledBy;

        /// <summary>Gets the first day the line counts.</summary>
        public LocalDate From { get; } = from;

        /// <summary>Gets the first day the line no longer counts (<see cref="Never"/> when open-ended).</summary>
        public LocalDate Until { get; } = until;

        /// <summary>Gets a value indicating whether a renewal, rather than a cancellation, ends the commitment.</summary>
        public bool Replaced { get; } = replaced;

        /// <summary>Gets or sets the commitment this line takes over from, when it is a renewal that continues it.</summary>
        public Commitment? Predecessor { get; set; }

        public bool IsCommittedAt(LocalDate date) => From <= date && date < Until;
    }
}
