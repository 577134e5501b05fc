using System;
using System.Collections.Generic;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Converts account-currency amounts into the reporting currency at a month's rate, rounded to the reporting
/// currency's minor unit (amounts already in the reporting currency pass through untouched, so single-currency
/// figures stay exact). Caches rates per currency and month. Not thread-safe: one per computation.
/// </summary>
internal sealed class CurrencyConverter(Currency reporting, ExchangeRateTable rates)
{
    private readonly Dictionary<(Currency, int), decimal> _rates = [];

    public Currency Reporting { get; } = reporting;

    public decimal Convert(decimal amount, Currency currency, int month)
    {
        if (currency == Reporting || amount == 0m)
        {
            return amount;
        }

        if (!_rates.TryGetValue((currency, month), out decimal rate))
        {
            // Throws MissingExchangeRateException naming the pair and month.
            rate = rates.GetRate(currency, Reporting, MonthIndex.ToMonth(month));
            _rates.Add((currency, month), rate);
        }

        return Math.Round(amount * rate, Reporting.MinorUnits, MidpointRounding.AwayFromZero);
    }
}
