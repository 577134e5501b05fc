using System;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// One line of the contract ledger behind committed MRR (docs/design.md section 3, input B): what an account bought, when it was signed,
/// its term, its quantity and unit price, and, once known, its cancellation notice and churn reason.
/// </summary>
/// <remarks>
/// Immutable once created; a <see cref="CmrrLedger"/> validates a set of lines together and names the line and field
/// at fault. Thread-safe.
/// </remarks>
public sealed class ContractLine
{
    /// <summary>Gets the line's id, unique within a ledger.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets the account the line belongs to.</summary>
    public required AccountId Account { get; init; }

    /// <summary>Gets the order type.</summary>
    public required ContractOrderType OrderType { get; init; }

    /// <summary>Gets the day the line was signed.</summary>
    public required LocalDate SignedOn { get; init; }

    /// <summary>Gets the first day of the term.</summary>
    public required LocalDate Start { get; init; }

    /// <summary>Gets the last day of the term (inclusive); not before <see cref="Start"/>.</summary>
    public required LocalDate End { get; init; }

    /// <summary>Gets the quantity (seats, units), greater than zero.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Gets the price of one unit for one <see cref="Billing"/> interval, zero or more.</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>Gets how often the line is billed.</summary>
    /// <value><see cref="BillingInterval.Month"/>.</value>
    public BillingInterval Billing { get; init; } = BillingInterval.Month;

    /// <summary>Gets the id of the line this one renews (required for a renewal; for an archive, an earlier archive line).</summary>
    public string? Renews { get; init; }

    /// <summary>Gets the day the customer gave notice of cancellation, or <see langword="null"/>: from that day the line is no longer committed.</summary>
    public LocalDate? CancellationNotice { get; init; }

    /// <summary>Gets why the customer cancelled, or why a renewal was smaller, or <see langword="null"/>.</summary>
    public string? ChurnReason { get; init; }

    /// <summary>Gets whether the cancellation or downgrade could have been avoided.</summary>
    /// <value><see cref="Avoidability.Unspecified"/>.</value>
    public Avoidability Avoidability { get; init; }

    /// <summary>Gets the currency of the line.</summary>
    public Currency Currency => UnitPrice.Currency;

    /// <summary>
    /// Gets the committed monthly value: quantity x unit price normalised to a month (a yearly price / 12, a quarterly / 3),
    /// rounded to the currency's minor unit, so that a ledger's totals are whole cents.
    /// </summary>
    public Money MonthlyValue => (UnitPrice * Quantity / (int)Billing).Round();

    /// <summary>Gets the unit price normalised to a month, unrounded: the basis of the quantity/price split of a renewal.</summary>
    public Money MonthlyUnitPrice => UnitPrice / (int)Billing;

    /// <summary>Returns a copy of this line with a cancellation notice, its reason and avoidability; the line itself is unchanged.</summary>
    /// <param name="notice">The day the customer gave notice.</param>
    /// <param name="reason">Why the customer cancelled, or <see langword="null"/>.</param>
    /// <param name="avoidability">Whether the cancellation could have been avoided.</param>
    /// <returns>The cancelled copy.</returns>
    public ContractLine WithCancellation(LocalDate notice, string? reason, Avoidability avoidability) => new()
    {
        LineId = LineId,
        Account = Account,
        OrderType = OrderType,
        SignedOn = SignedOn,
        Start = Start,
        End = End,
        Quantity = Quantity,
        UnitPrice = UnitPrice,
        Billing = Billing,
        Renews = Renews,
        CancellationNotice = notice,
        ChurnReason = reason,
        Avoidability = avoidability,
    };

    /// <summary>Returns the first problem with this line on its own, naming the field, or <see langword="null"/>.</summary>
    internal (string Field, string Problem)? Problem()
    {
        if (string.IsNullOrWhiteSpace(LineId))
        {
            return ("line_id", "the line has no id");
        }

        if (Account.IsDefault)
        {
            return ("account_id", "the line has no account");
        }

        if (!Enum.IsDefined(OrderType))
        {
            return ("order_type", $"'{OrderType}' is not an order type");
        }

        if (!Enum.IsDefined(Billing))
        {
            return ("billing_interval", $"'{Billing}' is not a billing interval");
        }

        if (End < Start)
        {
            return ("end", $"the line ends ({End:uuuu-MM-dd}) before it starts ({Start:uuuu-MM-dd})");
        }

        if (Quantity <= 0m)
        {
            return ("quantity", $"the quantity must be greater than zero, not {Quantity}");
        }

        if (UnitPrice.Currency.IsDefault)
        {
            return ("currency", "the unit price has no currency");
        }

        if (UnitPrice.IsNegative)
        {
            return ("unit_price", $"the unit price cannot be negative ({UnitPrice})");
        }

        try
        {
            _ = MonthlyValue;
        }
        catch (OverflowException)
        {
            return ("unit_price", $"quantity x unit price is more than {Overflows.Limit}");
        }

        if (OrderType == ContractOrderType.Renewal && string.IsNullOrEmpty(Renews))
        {
            return ("renews", "a renewal must name the line it renews");
        }

        if (OrderType is ContractOrderType.New or ContractOrderType.AddOn && !string.IsNullOrEmpty(Renews))
        {
            return ("renews", $"a {OrderType} line renews nothing; use order type renewal");
        }

        return null;
    }
}
