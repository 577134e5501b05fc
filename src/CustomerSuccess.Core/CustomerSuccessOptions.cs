using System;
using NodaTime;

namespace CustomerSuccess;

/// <summary>
/// Settings shared by every CustomerSuccess package: the currency figures are reported in and the time zone
/// that calendar logic uses. Bind it from configuration (for example a "CustomerSuccess" section of
/// appsettings.json) with <c>AddCustomerSuccessCore</c>; it is validated once, at start.
/// </summary>
public sealed class CustomerSuccessOptions
{
    /// <summary>Gets or sets the ISO 4217 code that revenue figures are reported in.</summary>
    /// <value>"USD".</value>
    public string ReportingCurrency { get; set; } = "USD";

    /// <summary>Gets or sets the IANA time zone id (such as "America/New_York") for weeks, months and "today".</summary>
    /// <value>"UTC".</value>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Returns <see cref="ReportingCurrency"/> as a <see cref="Currency"/>.</summary>
    /// <returns>The currency.</returns>
    /// <exception cref="InvalidOperationException">The setting is not an ISO 4217 code; the message names the setting.</exception>
    public Currency GetReportingCurrency() =>
        Currency.TryParse(ReportingCurrency, out Currency currency)
            ? currency
            : throw new InvalidOperationException(ReportingCurrencyProblem());

    /// <summary>Returns <see cref="TimeZone"/> from the IANA time zone database.</summary>
    /// <returns>The time zone.</returns>
    /// <exception cref="InvalidOperationException">The setting is not an IANA time zone id; the message names the setting.</exception>
    public DateTimeZone GetTimeZone() =>
        (TimeZone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone))
            ?? throw new InvalidOperationException(TimeZoneProblem());

    internal string? ValidateReportingCurrency() =>
        Currency.TryParse(ReportingCurrency, out _) ? null : ReportingCurrencyProblem();

    internal string? ValidateTimeZone() =>
        TimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is not null ? null : TimeZoneProblem();

    private string ReportingCurrencyProblem() =>
        $"{nameof(CustomerSuccessOptions)}.{nameof(ReportingCurrency)} '{ReportingCurrency}' is not a current ISO 4217 currency code (such as USD or EUR).";

    private string TimeZoneProblem() =>
        $"{nameof(CustomerSuccessOptions)}.{nameof(TimeZone)} '{TimeZone}' is not an IANA time zone id (such as UTC or Europe/London).";
}
