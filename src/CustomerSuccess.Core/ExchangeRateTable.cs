using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess;

/// <summary>
/// Exchange rates per currency pair per month, used to report amounts held in several currencies in one
/// reporting currency. A rate <c>r</c> for (EUR, USD, 2026-06) means 1 EUR = r USD in June 2026.
/// </summary>
/// <remarks>
/// <para>
/// When only one direction of a pair is given, the other is its reciprocal, so a conversion and its
/// reverse round-trip to within the decimal type's precision. Converting a currency to itself needs no rate.
/// Rates are not chained through a third currency: a missing pair fails with a
/// <see cref="MissingExchangeRateException"/> naming the pair and month rather than guessing.
/// </para>
/// <para>Build one with <see cref="CreateBuilder"/>. The table is immutable and thread-safe.</para>
/// </remarks>
public sealed class ExchangeRateTable
{
    private readonly FrozenDictionary<RateKey, decimal> _rates;

    private ExchangeRateTable(FrozenDictionary<RateKey, decimal> rates)
    {
        _rates = rates;
        var list = new ExchangeRate[rates.Count];
        int i = 0;
        foreach (var pair in rates)
        {
            list[i++] = new ExchangeRate(pair.Key.From, pair.Key.To, pair.Key.Month, pair.Value);
        }

        Array.Sort(list, static (a, b) =>
            a.Month != b.Month ? a.Month.CompareTo(b.Month)
            : a.From != b.From ? a.From.CompareTo(b.From)
            : a.To.CompareTo(b.To));
        Rates = Array.AsReadOnly(list);
    }

    /// <summary>Gets a table with no rates: it converts only a currency to itself.</summary>
    public static ExchangeRateTable Empty { get; } = new(FrozenDictionary<RateKey, decimal>.Empty);

    /// <summary>Gets the number of rates given explicitly (reciprocals not counted).</summary>
    public int Count => _rates.Count;

    /// <summary>Gets the rates given explicitly, ordered by month, then source and target currency.</summary>
    public IReadOnlyList<ExchangeRate> Rates { get; }

    /// <summary>Starts a new table.</summary>
    /// <returns>An empty builder.</returns>
    public static Builder CreateBuilder() => new();

    /// <summary>Looks up the rate that converts one unit of <paramref name="from"/> into <paramref name="to"/> in a month.</summary>
    /// <param name="from">The currency converted from.</param>
    /// <param name="to">The currency converted to.</param>
    /// <param name="month">The month.</param>
    /// <param name="rate">The rate when one is known; 1 when the currencies are equal.</param>
    /// <returns><see langword="true"/> when a rate is known (given, or the reciprocal of the given reverse).</returns>
    public bool TryGetRate(Currency from, Currency to, YearMonth month, out decimal rate)
    {
        if (from == to)
        {
            rate = 1m;
            return true;
        }

        if (_rates.TryGetValue(new RateKey(from, to, month), out rate))
        {
            return true;
        }

        if (_rates.TryGetValue(new RateKey(to, from, month), out decimal reverse))
        {
            rate = 1m / reverse;
            return true;
        }

        rate = 0m;
        return false;
    }

    /// <summary>Returns the rate that converts one unit of <paramref name="from"/> into <paramref name="to"/> in a month.</summary>
    /// <param name="from">The currency converted from.</param>
    /// <param name="to">The currency converted to.</param>
    /// <param name="month">The month.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="MissingExchangeRateException">No rate is known for the pair in that month.</exception>
    public decimal GetRate(Currency from, Currency to, YearMonth month) =>
        TryGetRate(from, to, month, out decimal rate) ? rate : throw new MissingExchangeRateException(from, to, month);

    /// <summary>Converts an amount into another currency at a month's rate, without rounding.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="to">The currency to convert into.</param>
    /// <param name="month">The month whose rate applies.</param>
    /// <returns>The converted amount; <paramref name="amount"/> itself when it is already in <paramref name="to"/>.</returns>
    /// <exception cref="MissingExchangeRateException">No rate is known for the pair in that month.</exception>
    public Money Convert(Money amount, Currency to, YearMonth month) =>
        new(amount.Amount * GetRate(amount.Currency, to, month), to);

    /// <summary>Tries to convert an amount into another currency at a month's rate, without rounding.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="to">The currency to convert into.</param>
    /// <param name="month">The month whose rate applies.</param>
    /// <param name="converted">The converted amount when a rate is known.</param>
    /// <returns><see langword="true"/> when a rate is known.</returns>
    public bool TryConvert(Money amount, Currency to, YearMonth month, out Money converted)
    {
        if (TryGetRate(amount.Currency, to, month, out decimal rate))
        {
            converted = new Money(amount.Amount * rate, to);
            return true;
        }

        converted = default;
        return false;
    }

    /// <summary>Collects rates for an <see cref="ExchangeRateTable"/>. Not thread-safe; the table it builds is.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<RateKey, decimal> _rates = [];

        internal Builder()
        {
        }

        /// <summary>Adds the rate for one unit of <paramref name="from"/> in <paramref name="to"/> during <paramref name="month"/>.</summary>
        /// <param name="from">The currency converted from.</param>
        /// <param name="to">The currency converted to; not <paramref name="from"/>.</param>
        /// <param name="month">The month the rate applies to.</param>
        /// <param name="rate">The rate, greater than zero.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">
        /// A currency is missing, the two currencies are the same, the rate is not positive, or a different
        /// rate was already added for the same pair and month; the message names the pair and month.
        /// </exception>
        public Builder Add(Currency from, Currency to, YearMonth month, decimal rate)
        {
            string where = string.Create(CultureInfo.InvariantCulture, $"{from}/{to} for {month:uuuu'-'MM}");
            if (from.IsDefault || to.IsDefault)
            {
                throw new ArgumentException($"Rate {where}: both currencies are required.", from.IsDefault ? nameof(from) : nameof(to));
            }

            if (from == to)
            {
                throw new ArgumentException($"Rate {where}: a currency converts to itself at 1; do not add it.", nameof(to));
            }

            if (rate <= 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(rate), rate, $"Rate {where} must be greater than zero.");
            }

            var key = new RateKey(from, to, month);
            if (_rates.TryGetValue(key, out decimal existing) && existing != rate)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Rate {where} was already added as {existing}; cannot also be {rate}."),
                    nameof(rate));
            }

            _rates[key] = rate;
            return this;
        }

        /// <summary>Adds a rate; see <see cref="Add(Currency, Currency, YearMonth, decimal)"/>.</summary>
        /// <param name="rate">The rate.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">The rate is invalid or conflicts with one added before.</exception>
        public Builder Add(ExchangeRate rate) => Add(rate.From, rate.To, rate.Month, rate.Rate);

        /// <summary>Builds an immutable table from the rates added so far. The builder can go on being used.</summary>
        /// <returns>The table.</returns>
        public ExchangeRateTable Build() => new(_rates.ToFrozenDictionary());
    }

    private readonly record struct RateKey(Currency From, Currency To, YearMonth Month);
}
