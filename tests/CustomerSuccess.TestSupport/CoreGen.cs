using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Testing;

/// <summary>Generators for the Core kernel types, reused by every test project.</summary>
public static class CoreGen
{
    /// <summary>Any currency this library accepts.</summary>
    public static Gen<Currency> Currency { get; } = Gen.Elements(CustomerSuccess.Currency.All.ToArray());

    /// <summary>Currencies a SaaS company typically bills in; small so that collisions (same currency) are common.</summary>
    public static Gen<Currency> CommonCurrency { get; } = Gen.Elements(
        CustomerSuccess.Currency.USD, CustomerSuccess.Currency.EUR, CustomerSuccess.Currency.GBP, CustomerSuccess.Currency.JPY);

    /// <summary>An amount between -1e9 and 1e9 with up to <paramref name="decimals"/> decimal places.</summary>
    /// <param name="decimals">Decimal places, 0 to 4.</param>
    /// <returns>The generator.</returns>
    public static Gen<decimal> Amount(int decimals)
    {
        int scale = decimals switch { 0 => 1, 1 => 10, 2 => 100, 3 => 1000, _ => 10000 };
        return from whole in Gen.Choose(-1_000_000_000, 1_000_000_000)
               from fraction in Gen.Choose(0, scale - 1)
               select whole + (fraction / (decimal)scale);
    }

    /// <summary>An amount in <paramref name="currency"/> at the precision of its minor unit.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The generator.</returns>
    public static Gen<Money> MoneyIn(Currency currency) =>
        Amount(currency.MinorUnits).Select(amount => new Money(amount, currency));

    /// <summary>An amount at its currency's minor-unit precision, in a common currency.</summary>
    public static Gen<Money> Money { get; } = CommonCurrency.SelectMany(MoneyIn);

    /// <summary>A positive exchange rate between 0.0001 and 10,000 with up to 6 decimal places.</summary>
    public static Gen<decimal> Rate { get; } =
        from whole in Gen.Choose(0, 9_999)
        from micro in Gen.Choose(100, 999_999)
        select whole + (micro / 1_000_000m);

    /// <summary>A month between 2015 and 2035.</summary>
    public static Gen<YearMonth> Month { get; } =
        from year in Gen.Choose(2015, 2035)
        from month in Gen.Choose(1, 12)
        select new YearMonth(year, month);

    /// <summary>A valid account id: CRM-style ("acct-00042"), UUID-like, or arbitrary printable text.</summary>
    public static Gen<AccountId> AccountId { get; } = Gen.OneOf(
        Gen.Choose(0, 999_999).Select(n => new AccountId($"acct-{n:D6}")),
        Gen.Fresh(() => new AccountId(System.Guid.NewGuid().ToString())),
        PrintableText(1, CustomerSuccess.AccountId.MaxLength).Select(text => new AccountId(text)));

    /// <summary>A valid signal id such as "adoption.active_users-7d".</summary>
    public static Gen<Signals.SignalId> SignalId { get; } =
        from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray())
        from rest in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_.-".ToCharArray()))
        let text = first + new string(rest.Take(Signals.SignalId.MaxLength - 1).ToArray())
        select new Signals.SignalId(text);

    private static Gen<string> PrintableText(int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from chars in Gen.ArrayOf(Gen.Choose(0x21, 0x2FF).Select(c => (char)c).Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)), length)
        select new string(chars);
}
