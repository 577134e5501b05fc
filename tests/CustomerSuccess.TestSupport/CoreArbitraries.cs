using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Testing;

/// <summary>
/// FsCheck arbitraries for the Core kernel types. Use with
/// <c>[Properties(Arbitrary = new[] { typeof(CoreArbitraries) })]</c> on a test class.
/// </summary>
public static class CoreArbitraries
{
    /// <summary>Any accepted currency.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Currency> Currency() => CoreGen.Currency.ToArbitrary();

    /// <summary>An amount at its currency's minor-unit precision.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Money> Money() => CoreGen.Money.ToArbitrary();

    /// <summary>Three amounts in one currency, for laws such as associativity.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SameCurrency> SameCurrency() =>
        (from currency in CoreGen.CommonCurrency
         from a in CoreGen.MoneyIn(currency)
         from b in CoreGen.MoneyIn(currency)
         from c in CoreGen.MoneyIn(currency)
         select new SameCurrency(a, b, c)).ToArbitrary();

    /// <summary>Two amounts in different currencies.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CurrencyMismatch> CurrencyMismatch() =>
        (from left in CoreGen.Money
         from right in CoreGen.Money
         where left.Currency != right.Currency
         select new CurrencyMismatch(left, right)).ToArbitrary();

    /// <summary>A valid account id.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<AccountId> AccountId() => CoreGen.AccountId.ToArbitrary();

    /// <summary>A valid signal id.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Signals.SignalId> SignalId() => CoreGen.SignalId.ToArbitrary();

    /// <summary>A month between 2015 and 2035.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<YearMonth> YearMonth() => CoreGen.Month.ToArbitrary();
}

/// <summary>Three amounts that share one currency.</summary>
/// <param name="A">The first amount.</param>
/// <param name="B">The second amount.</param>
/// <param name="C">The third amount.</param>
public sealed record SameCurrency(Money A, Money B, Money C);

/// <summary>Two amounts whose currencies differ.</summary>
/// <param name="Left">The first amount.</param>
/// <param name="Right">The second amount, in another currency.</param>
public sealed record CurrencyMismatch(Money Left, Money Right);
