using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// The CMRR bridge between two days (Customer Success by Mehta et al., law 8): <c>closing = opening + FX impact + new + add-on + upgrades -
/// downgrades - cancellations + first-time archives</c>, with upgrades and downgrades each split into quantity and price,
/// in money and in counts, and the losses broken down by churn reason and by avoidability. It reconciles to the cent.
/// </summary>
/// <remarks>
/// A renewal's change of value is split as <c>(q1 - q0) x p0</c> (quantity) and the rest (price), each a monthly amount;
/// a positive part is an upgrade, a negative one a downgrade. Immutable and thread-safe.
/// </remarks>
public sealed class CmrrBridge
{
    private CmrrBridge(Accumulator a)
    {
        From = a.From;
        To = a.To;
        Currency = a.Currency;
        OpeningCmrr = new Money(a.Opening, a.Currency);
        FxImpact = new Money(a.OpeningAtClosingRates - a.Opening, a.Currency);
        New = new Money(a.New, a.Currency);
        AddOn = new Money(a.AddOn, a.Currency);
        UpgradeQuantity = new Money(a.UpgradeQuantity, a.Currency);
        UpgradePrice = new Money(a.UpgradePrice, a.Currency);
        DowngradeQuantity = new Money(a.DowngradeQuantity, a.Currency);
        DowngradePrice = new Money(a.DowngradePrice, a.Currency);
        Cancellations = new Money(a.Cancellations, a.Currency);
        FirstTimeArchives = new Money(a.FirstTimeArchives, a.Currency);
        ClosingCmrr = new Money(a.Closing, a.Currency);
        NewLines = a.NewLines;
        AddOnLines = a.AddOnLines;
        UpgradedRenewals = a.UpgradedRenewals;
        DowngradedRenewals = a.DowngradedRenewals;
        FlatRenewals = a.FlatRenewals;
        CancelledLines = a.CancelledLines;
        FirstTimeArchiveLines = a.FirstTimeArchiveLines;
        LinesOpening = a.LinesOpening;
        LinesClosing = a.LinesClosing;
        CustomersOpening = a.CustomersOpening;
        CustomersGained = a.CustomersGained;
        CustomersLost = a.CustomersLost;
        CustomersClosing = a.CustomersClosing;
        LossesByReason = ReadOnlyViews.Wrap(a.ByReason.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.ToLoss(p.Key, a.Currency)).ToArray());
        LossesByAvoidability = ReadOnlyViews.Wrap(a.ByAvoidability.OrderBy(p => p.Key).Select(p => p.Value.ToLoss(p.Key.ToString(), a.Currency)).ToArray());
    }

    /// <summary>Gets the day whose closing CMRR is the opening.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the last day of the period.</summary>
    public LocalDate To { get; }

    /// <summary>Gets the reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the CMRR at the end of <see cref="From"/>, at that month's rates.</summary>
    public Money OpeningCmrr { get; }

    /// <summary>Gets the revaluation of the opening CMRR at <see cref="To"/>'s rates (zero with one currency).</summary>
    public Money FxImpact { get; }

    /// <summary>Gets the monthly value of new lines (and of renewals of lines that had lapsed).</summary>
    public Money New { get; }

    /// <summary>Gets the monthly value of add-on lines.</summary>
    public Money AddOn { get; }

    /// <summary>Gets the increase from renewals with more units.</summary>
    public Money UpgradeQuantity { get; }

    /// <summary>Gets the increase from renewals at a higher unit price.</summary>
    public Money UpgradePrice { get; }

    /// <summary>Gets the decrease from renewals with fewer units (a positive amount).</summary>
    public Money DowngradeQuantity { get; }

    /// <summary>Gets the decrease from renewals at a lower unit price (a positive amount).</summary>
    public Money DowngradePrice { get; }

    /// <summary>Gets the monthly value of lines cancelled (notice given) in the period (a positive amount).</summary>
    public Money Cancellations { get; }

    /// <summary>Gets the monthly value of first-time archive lines.</summary>
    public Money FirstTimeArchives { get; }

    /// <summary>Gets the CMRR at the end of <see cref="To"/>.</summary>
    public Money ClosingCmrr { get; }

    /// <summary>Gets the number of new lines.</summary>
    public int NewLines { get; }

    /// <summary>Gets the number of add-on lines.</summary>
    public int AddOnLines { get; }

    /// <summary>Gets the number of renewals worth more than the lines they renewed.</summary>
    public int UpgradedRenewals { get; }

    /// <summary>Gets the number of renewals worth less than the lines they renewed.</summary>
    public int DowngradedRenewals { get; }

    /// <summary>Gets the number of renewals worth the same.</summary>
    public int FlatRenewals { get; }

    /// <summary>Gets the number of lines cancelled.</summary>
    public int CancelledLines { get; }

    /// <summary>Gets the number of first-time archive lines.</summary>
    public int FirstTimeArchiveLines { get; }

    /// <summary>Gets the number of committed lines at the opening; <c>closing = opening + new + add-on + first-time archives - cancelled</c>.</summary>
    public int LinesOpening { get; }

    /// <summary>Gets the number of committed lines at the closing.</summary>
    public int LinesClosing { get; }

    /// <summary>Gets the number of accounts with committed lines at the opening.</summary>
    public int CustomersOpening { get; }

    /// <summary>Gets the number of accounts with committed lines at the closing but not at the opening.</summary>
    public int CustomersGained { get; }

    /// <summary>Gets the number of accounts with committed lines at the opening but not at the closing.</summary>
    public int CustomersLost { get; }

    /// <summary>Gets the number of accounts with committed lines at the closing.</summary>
    public int CustomersClosing { get; }

    /// <summary>Gets cancellations and downgrades by churn reason ("(none)" when not recorded), in ordinal order.</summary>
    public IReadOnlyList<CmrrLoss> LossesByReason { get; }

    /// <summary>Gets cancellations and downgrades by avoidability (Unspecified, Avoidable, Unavoidable).</summary>
    public IReadOnlyList<CmrrLoss> LossesByAvoidability { get; }

    internal sealed class Accumulator(LocalDate from, LocalDate to, Currency currency)
    {
        public const string NoReason = "(none)";

        public LocalDate From { get; } = from;

        public LocalDate To { get; } = to;

        public Currency Currency { get; } = currency;

        public decimal Opening { get; set; }

        public decimal OpeningAtClosingRates { get; set; }

        public decimal Closing { get; set; }

        public decimal New { get; private set; }

        public decimal AddOn { get; private set; }

        public decimal UpgradeQuantity { get; private set; }

        public decimal UpgradePrice { get; private set; }

        public decimal DowngradeQuantity { get; private set; }

        public decimal DowngradePrice { get; private set; }

        public decimal Cancellations { get; private set; }

        public decimal FirstTimeArchives { get; private set; }

        public int NewLines { get; private set; }

        public int AddOnLines { get; private set; }

        public int UpgradedRenewals { get; private set; }

        public int DowngradedRenewals { get; private set; }

        public int FlatRenewals { get; private set; }

        public int CancelledLines { get; private set; }

        public int FirstTimeArchiveLines { get; private set; }

        public int LinesOpening { get; set; }

        public int LinesClosing { get; set; }

        public int CustomersOpening { get; set; }

        public int CustomersGained { get; set; }

        public int CustomersLost { get; set; }

        public int CustomersClosing { get; set; }

        public Dictionary<string, LossSums> ByReason { get; } = new(StringComparer.Ordinal);

        public Dictionary<Avoidability, LossSums> ByAvoidability { get; } = [];

        public void AddNew(decimal value)
        {
            New += value;
            NewLines++;
        }

        public void AddAddOn(decimal value)
        {
            AddOn += value;
            AddOnLines++;
        }

        public void AddFirstTimeArchive(decimal value)
        {
            FirstTimeArchives += value;
            FirstTimeArchiveLines++;
        }

        public void AddRenewal(decimal delta, decimal quantityEffect, string? reason, Avoidability avoidability)
        {
            decimal priceEffect = delta - quantityEffect;
            decimal lost = 0m;
            if (quantityEffect >= 0m)
            {
                UpgradeQuantity += quantityEffect;
            }
            else
            {
                DowngradeQuantity -= quantityEffect;
                lost -= quantityEffect;
            }

            if (priceEffect >= 0m)
            {
                UpgradePrice += priceEffect;
            }
            else
            {
                DowngradePrice -= priceEffect;
                lost -= priceEffect;
            }

            if (delta > 0m)
            {
                UpgradedRenewals++;
            }
            else if (delta < 0m)
            {
                DowngradedRenewals++;
            }
            else
            {
                FlatRenewals++;
            }

            if (lost > 0m)
            {
                Loss(reason, avoidability).AddDowngrade(lost);
            }
        }

        public void AddCancellation(decimal value, string? reason, Avoidability avoidability)
        {
            Cancellations += value;
            CancelledLines++;
            Loss(reason, avoidability).AddCancellation(value);
        }

        public CmrrBridge Build() => new(this);

        private LossPair Loss(string? reason, Avoidability avoidability)
        {
            string key = string.IsNullOrWhiteSpace(reason) ? NoReason : reason.Trim();
            if (!ByReason.TryGetValue(key, out LossSums? byReason))
            {
                ByReason[key] = byReason = new LossSums();
            }

            if (!ByAvoidability.TryGetValue(avoidability, out LossSums? byAvoidability))
            {
                ByAvoidability[avoidability] = byAvoidability = new LossSums();
            }

            return new LossPair(byReason, byAvoidability);
        }
    }

    internal sealed class LossSums
    {
        public decimal Cancellations { get; set; }

        public int CancelledLines { get; set; }

        public decimal Downgrades { get; set; }

        public int DowngradedRenewals { get; set; }

        public CmrrLoss ToLoss(string key, Currency currency) =>
            new(key, new Money(Cancellations, currency), CancelledLines, new Money(Downgrades, currency), DowngradedRenewals);
    }

    private readonly record struct LossPair(LossSums ByReason, LossSums ByAvoidability)
    {
        public void AddCancellation(decimal value)
        {
            foreach (LossSums sums in new[] { ByReason, ByAvoidability })
            {
                sums.Cancellations += value;
                sums.CancelledLines++;
            }
        }

        public void AddDowngrade(decimal value)
        {
            foreach (LossSums sums in new[] { ByReason, ByAvoidability })
            {
                sums.Downgrades += value;
                sums.DowngradedRenewals++;
            }
        }
    }
}
