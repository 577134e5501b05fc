using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace CustomerSuccess;

/// <summary>
/// A currency identified by its ISO 4217 alphabetic code, with the number of minor units
/// (decimal places) the standard gives it: 2 for USD, 0 for JPY, 3 for BHD.
/// </summary>
/// <remarks>
/// Only codes in the ISO 4217 list of current currencies (including the fund codes such as CLF)
/// are accepted, so a typo such as "USS" fails where it is made rather than as a missing exchange rate
/// months later. <c>default(Currency)</c> is not a currency; <see cref="IsDefault"/> tells it apart.
/// This type is immutable and thread-safe.
/// </remarks>
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable, IParsable<Currency>
{
    // Code followed by its minor-unit digit, from the ISO 4217 list of current currencies (2025).
    private const string Iso4217Table =
        "AED2AFN2ALL2AMD2AOA2ARS2AUD2AWG2AZN2BAM2BBD2BDT2BHD3BIF0BMD2BND2BOB2BOV2BRL2BSD2BTN2BWP2BYN2BZD2" +
        "CAD2CDF2CHE2CHF2CHW2CLF4CLP0CNY2COP2COU2CRC2CUP2CVE2CZK2DJF0DKK2DOP2DZD2EGP2ERN2ETB2EUR2FJD2FKP2" +
        "GBP2GEL2GHS2GIP2GMD2GNF0GTQ2GYD2HKD2HNL2HTG2HUF2IDR2ILS2INR2IQD3IRR2ISK0JMD2JOD3JPY0KES2KGS2KHR2" +
        "KMF0KPW2KRW0KWD3KYD2KZT2LAK2LBP2LKR2LRD2LSL2LYD3MAD2MDL2MGA2MKD2MMK2MNT2MOP2MRU2MUR2MVR2MWK2MXN2" +
        "MXV2MYR2MZN2NAD2NGN2NIO2NOK2NPR2NZD2OMR3PAB2PEN2PGK2PHP2PKR2PLN2PYG0QAR2RON2RSD2RUB2RWF0SAR2SBD2" +
        "SCR2SDG2SEK2SGD2SHP2SLE2SOS2SRD2SSP2STN2SVC2SYP2SZL2THB2TJS2TMT2TND3TOP2TRY2TTD2TWD2TZS2UAH2UGX0" +
        "USD2USN2UYI0UYU2UYW4UZS2VED2VES2VND0VUV0WST2XAF0XCD2XCG2XOF0XPF0YER2ZAR2ZMW2ZWG2";

    // Declared before the well-known currencies below: static initialisers run in textual order.
    private static readonly FrozenDictionary<string, Currency> ByCode = BuildTable();

    private readonly string? _code;
    private readonly int _minorUnits;

    private Currency(string code, int minorUnits)
    {
        _code = code;
        _minorUnits = minorUnits;
    }

    /// <summary>Gets the United States dollar.</summary>
    public static Currency USD { get; } = FromCode("USD");

    /// <summary>Gets the euro.</summary>
    public static Currency EUR { get; } = FromCode("EUR");

    /// <summary>Gets the pound sterling.</summary>
    public static Currency GBP { get; } = FromCode("GBP");

    /// <summary>Gets the Japanese yen, which has no minor unit.</summary>
    public static Currency JPY { get; } = FromCode("JPY");

    /// <summary>Gets the three-letter ISO 4217 code, such as "USD"; the empty string for <c>default(Currency)</c>.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>Gets the number of decimal places of the currency's minor unit (2 for USD, 0 for JPY, 3 for BHD).</summary>
    public int MinorUnits => _minorUnits;

    /// <summary>Gets a value indicating whether this is <c>default(Currency)</c>, which is no currency.</summary>
    public bool IsDefault => _code is null;

    /// <summary>Gets every currency this type accepts, ordered by code.</summary>
    public static IReadOnlyList<Currency> All { get; } = Array.AsReadOnly(BuildAll());

    /// <summary>Returns the currency with the given ISO 4217 code.</summary>
    /// <param name="code">A three-letter code in upper case, such as "EUR".</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a current ISO 4217 code.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryParse(code, out Currency currency)
            ? currency
            : throw new ArgumentException(UnknownCodeMessage(code), nameof(code));
    }

    /// <summary>Parses an ISO 4217 code.</summary>
    /// <param name="s">A three-letter code in upper case.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a current ISO 4217 code.</exception>
    public static Currency Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out Currency currency) ? currency : throw new FormatException(UnknownCodeMessage(s));
    }

    /// <summary>Tries to parse an ISO 4217 code.</summary>
    /// <param name="s">A three-letter code in upper case.</param>
    /// <param name="result">The currency when <paramref name="s"/> is a known code; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a current ISO 4217 code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Currency result)
    {
        if (s is not null && ByCode.TryGetValue(s, out result))
        {
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool IParsable<Currency>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Currency result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    static Currency IParsable<Currency>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <summary>Orders currencies by code; <c>default(Currency)</c> sorts first.</summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this code sorts before, with or after the other.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(_code, other._code);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(Currency)}, got {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Returns the ISO 4217 code, or "(no currency)" for <c>default(Currency)</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => _code ?? "(no currency)";

    /// <summary>Compares two currencies for equality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both have the same code.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;

    private static string UnknownCodeMessage(string code) =>
        $"'{code}' is not a current ISO 4217 currency code (three upper-case letters such as USD or EUR).";

    private static FrozenDictionary<string, Currency> BuildTable()
    {
        var table = new Dictionary<string, Currency>(StringComparer.Ordinal);
        for (int i = 0; i < Iso4217Table.Length; i += 4)
        {
            string code = Iso4217Table.Substring(i, 3);
            table.Add(code, new Currency(code, Iso4217Table[i + 3] - '0'));
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static Currency[] BuildAll()
    {
        var all = new Currency[ByCode.Count];
        ByCode.Values.CopyTo(all, 0);
        Array.Sort(all);
        return all;
    }
}
