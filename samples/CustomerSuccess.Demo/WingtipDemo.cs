using System;
using System.Collections.Generic;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// Generates the built-in demo data: a fictional SaaS vendor shaped like seed 002's Wingtip (about $40M ARR
/// across about 1,600 customers, an average contract of about $25k, about 15 enterprise accounts above $150k
/// and about 200 legacy accounts below $10k that are no longer sold), with 24 months of MRR per account that
/// hold new business, expansion, contraction, churn and a few reactivations. Seed 002's Financiality signs
/// on June 30, 2026 for $29,000 ARR.
/// </summary>
/// <remarks>The same seed gives the same portfolio on every machine and runtime.</remarks>
public static class WingtipDemo
{
    /// <summary>The seed of the built-in demo data.</summary>
    public const ulong DefaultSeed = 20260630;

    /// <summary>The number of months of MRR generated.</summary>
    public const int MonthCount = 24;

    /// <summary>Gets the first month of the demo data.</summary>
    public static YearMonth FirstMonth { get; } = new(2024, 11);

    /// <summary>Gets the last month of the demo data.</summary>
    public static YearMonth LastMonth { get; } = new(2026, 10);

    /// <summary>Gets the id of seed 002's Financiality.</summary>
    public static AccountId Financiality { get; } = new("acct-financiality");

    private static readonly string[] NamePrefixes =
    [
        "North", "Blue", "Bright", "Silver", "Iron", "Clear", "Summit", "River", "Cedar", "Harbor", "Golden", "Red",
        "Stone", "Pine", "Atlas", "Nova", "Vertex", "Quantum", "Evergreen", "Lumen", "Maple", "Coral", "Falcon", "Orbit",
    ];

    private static readonly string[] NameRoots =
    [
        "wind", "path", "field", "works", "bridge", "line", "point", "wave", "crest", "gate", "forge", "light", "view", "spring",
    ];

    private static readonly string[] NameSuffixes =
    [
        "Analytics", "Labs", "Systems", "Health", "Logistics", "Media", "Capital", "Foods", "Energy", "Software", "Group", "Partners",
    ];

    private static readonly string[] Industries =
    [
        "Financial Services", "Healthcare", "Retail", "Manufacturing", "Education", "Technology", "Media", "Logistics",
        "Public Sector", "Professional Services",
    ];

    // Seed 002: the classic customer-success team has 21 people; Mary Harrison is Financiality's CSM.
    private static readonly string[] Csms =
    [
        "Mary Harrison", "Ana Costa", "Ben Okafor", "Chloe Martin", "David Kim", "Elena Rossi", "Farid Haddad",
        "Grace Liu", "Hugo Schmidt", "Isla Murray", "Jonas Berg", "Kavya Nair", "Liam O'Brien", "Maya Cohen",
        "Noah Williams", "Olivia Brown", "Pablo Ruiz", "Quinn Taylor", "Rosa Alvarez", "Sam Patel", "Tara Singh",
    ];

    /// <summary>Generates the demo portfolio.</summary>
    /// <param name="seed">The seed; <see cref="DefaultSeed"/> for the built-in data.</param>
    /// <returns>The portfolio, reported in USD.</returns>
    public static Portfolio Generate(ulong seed = DefaultSeed)
    {
        var random = new DemoRandom(seed);
        ExchangeRateTable rates = GenerateRates(random);
        var generator = new Generator(random, rates, new DemoRandom(seed ^ 0xB111_5EED));
        return generator.Run();
    }

    private static ExchangeRateTable GenerateRates(DemoRandom random)
    {
        var builder = ExchangeRateTable.CreateBuilder();
        double eur = 1.08;
        double gbp = 1.27;
        for (int i = 0; i < MonthCount; i++)
        {
            YearMonth month = FirstMonth.PlusMonths(i);
            builder.Add(Currency.EUR, Currency.USD, month, Math.Round((decimal)eur, 4));
            builder.Add(Currency.GBP, Currency.USD, month, Math.Round((decimal)gbp, 4));
            eur *= 1 + ((random.NextDouble() - 0.5) * 0.03);
            gbp *= 1 + ((random.NextDouble() - 0.5) * 0.024);
        }

        return builder.Build();
    }

    private sealed record SegmentProfile(
        string Name,
        int InitialAccounts,
        double NewPerMonth,
        double MinArr,
        double MaxArr,
        double MonthlyChurn,
        double MonthlyExpansion,
        double MinExpansion,
        double MaxExpansion);

    private static readonly SegmentProfile[] Segments =
    [
        new("Enterprise", 16, 0.1, 150_000, 380_000, 0.002, 0.05, 1.05, 1.30),
        new("MidMarket", 350, 9, 24_000, 42_000, 0.006, 0.05, 1.05, 1.40),
        new("SMB", 700, 16, 10_000, 20_000, 0.010, 0.035, 1.10, 1.50),
        new("Legacy", 225, 0, 2_400, 9_900, 0.014, 0.005, 1.05, 1.20),
    ];

    private const double MonthlyContraction = 0.012;
    private const double MonthlyReactivation = 0.015;

    private sealed class Generator(DemoRandom random, ExchangeRateTable rates, DemoRandom billing)
    {
        private readonly List<PortfolioAccount> _accounts = [];
        private readonly List<Currency> _currencies = [];
        private readonly List<decimal> _mrr = [];
        private readonly List<SegmentProfile> _profiles = [];
        private readonly List<MrrRow> _snapshots = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public Portfolio Run()
        {
            foreach (SegmentProfile profile in Segments)
            {
                for (int i = 0; i < profile.InitialAccounts; i++)
                {
                    Sign(profile, FirstMonth);
                }
            }

            for (int i = 0; i < MonthCount; i++)
            {
                YearMonth month = FirstMonth.PlusMonths(i);
                if (i > 0)
                {
                    Move(month);
                    SignNewBusiness(month);
                }

                if (month == new YearMonth(2026, 7))
                {
                    SignFinanciality();
                }

                Record(month);
            }

            // The billing system's log behind each account's revenue path; the portfolio's MRR is what the log gives.
            List<SubscriptionEvent> subscriptions = DemoSubscriptions.For(Paths(), FirstMonth, billing);
            SubscriptionBook.Builder book = SubscriptionBook.CreateBuilder();
            foreach (SubscriptionEvent e in subscriptions)
            {
                book.Add(e);
            }

            // The log must bill exactly the path it was drawn for; a seed for which it does not is a bug in DemoSubscriptions.
            var billed = new List<MrrRow>(book.Build().Rows(FirstMonth, LastMonth));
            var drawn = new HashSet<MrrRow>(_snapshots);
            if (billed.Count != drawn.Count || !billed.TrueForAll(drawn.Contains))
            {
                throw new InvalidOperationException($"The demo's subscription log does not bill the revenue it was drawn for (seed-dependent); {billed.Count} rows against {drawn.Count}.");
            }

            _snapshots.Clear();
            _snapshots.AddRange(billed);
            _snapshots.Sort(static (a, b) => a.Month != b.Month ? a.Month.CompareTo(b.Month) : a.Account.CompareTo(b.Account));
            return new Portfolio("Wingtip", _accounts.ToArray(), _snapshots.ToArray(), rates, Currency.USD, Contracts()) { Subscriptions = subscriptions };
        }

        private IEnumerable<(PortfolioAccount Account, Currency Currency, decimal[] Mrr)> Paths()
        {
            var byAccount = new Dictionary<AccountId, decimal[]>();
            foreach (MrrRow row in _snapshots)
            {
                if (!byAccount.TryGetValue(row.Account, out decimal[]? months))
                {
                    byAccount[row.Account] = months = new decimal[MonthCount];
                }

                months[MonthIndexOf(row.Month)] = row.Mrr.Amount;
            }

            for (int a = 0; a < _accounts.Count; a++)
            {
                yield return (_accounts[a], _currencies[a], byAccount.GetValueOrDefault(_accounts[a].Id) ?? new decimal[MonthCount]);
            }
        }

        private IReadOnlyList<ContractLine> Contracts()
        {
            var byAccount = new Dictionary<AccountId, decimal[]>();
            foreach (MrrRow row in _snapshots)
            {
                if (!byAccount.TryGetValue(row.Account, out decimal[]? months))
                {
                    byAccount[row.Account] = months = new decimal[MonthCount];
                }

                months[MonthIndexOf(row.Month)] = row.Mrr.Amount;
            }

            var contracts = new DemoContracts(random);
            for (int a = 0; a < _accounts.Count; a++)
            {
                contracts.AddAccount(_accounts[a], _currencies[a], FirstMonth, byAccount.GetValueOrDefault(_accounts[a].Id) ?? new decimal[MonthCount]);
            }

            return [.. contracts.Lines];
        }

        private static int MonthIndexOf(YearMonth month) => ((month.Year - FirstMonth.Year) * 12) + month.Month - FirstMonth.Month;

        private void Move(YearMonth month)
        {
            for (int a = 0; a < _accounts.Count; a++)
            {
                if (_accounts[a].Id == Financiality)
                {
                    continue; // scripted by seed 002, see SignFinanciality
                }

                SegmentProfile profile = _profiles[a];
                decimal mrr = _mrr[a];
                if (mrr == 0m)
                {
                    // Only accounts that paid before and then churned are at zero here: they may come back.
                    if (random.Chance(MonthlyReactivation))
                    {
                        _mrr[a] = MonthlyPrice(profile, _currencies[a], month);
                    }

                    continue;
                }

                double roll = random.NextDouble();
                if (roll < profile.MonthlyChurn)
                {
                    _mrr[a] = 0m;
                }
                else if (roll < profile.MonthlyChurn + profile.MonthlyExpansion)
                {
                    double factor = profile.MinExpansion + (random.NextDouble() * (profile.MaxExpansion - profile.MinExpansion));
                    _mrr[a] = Math.Round(mrr * (decimal)factor, 2);
                }
                else if (roll < profile.MonthlyChurn + profile.MonthlyExpansion + MonthlyContraction)
                {
                    double factor = 0.70 + (random.NextDouble() * 0.25);
                    _mrr[a] = Math.Round(mrr * (decimal)factor, 2);
                }
            }
        }

        private void SignNewBusiness(YearMonth month)
        {
            foreach (SegmentProfile profile in Segments)
            {
                // A fractional rate becomes a whole number of deals with the right expectation.
                int deals = (int)profile.NewPerMonth;
                if (random.Chance(profile.NewPerMonth - deals))
                {
                    deals++;
                }

                for (int i = 0; i < deals; i++)
                {
                    Sign(profile, month);
                }
            }
        }

        private void Sign(SegmentProfile profile, YearMonth month)
        {
            string region = RegionFor(random.NextDouble());
            Currency currency = region == "EMEA"
                ? random.NextDouble() switch { < 0.45 => Currency.EUR, < 0.65 => Currency.GBP, _ => Currency.USD }
                : Currency.USD;
            var id = new AccountId($"acct-{_accounts.Count + 1:D5}");
            _accounts.Add(new PortfolioAccount(id, UniqueName(), profile.Name, region, random.Pick(Industries), random.Pick(Csms)));
            _currencies.Add(currency);
            _profiles.Add(profile);
            _mrr.Add(MonthlyPrice(profile, currency, month));
        }

        private void SignFinanciality()
        {
            // Seed 002: signed June 30 for $29,000 ARR, billed monthly from July.
            _accounts.Add(new PortfolioAccount(Financiality, "Financiality", "MidMarket", "NA", "Financial Services", "Mary Harrison"));
            _currencies.Add(Currency.USD);
            _profiles.Add(Segments[1]);
            _mrr.Add(new Money(29_000m, Currency.USD).Allocate(12)[0].Amount);
        }

        private decimal MonthlyPrice(SegmentProfile profile, Currency currency, YearMonth month)
        {
            // List prices are whole hundreds of dollars a year; other currencies are priced at the month's rate.
            decimal arrUsd = Math.Round((decimal)random.LogUniform(profile.MinArr, profile.MaxArr) / 100m) * 100m;
            decimal mrrUsd = arrUsd / 12m;
            decimal mrr = currency == Currency.USD ? mrrUsd : mrrUsd / rates.GetRate(currency, Currency.USD, month);
            return Math.Round(mrr, currency.MinorUnits, MidpointRounding.AwayFromZero);
        }

        private void Record(YearMonth month)
        {
            for (int a = 0; a < _accounts.Count; a++)
            {
                if (_mrr[a] > 0m)
                {
                    _snapshots.Add(new MrrRow(_accounts[a].Id, month, new Money(_mrr[a], _currencies[a])));
                }
            }
        }

        private string UniqueName()
        {
            string name = $"{random.Pick(NamePrefixes)}{random.Pick(NameRoots)} {random.Pick(NameSuffixes)}";
            string unique = name;
            for (int n = 2; !_names.Add(unique); n++)
            {
                unique = $"{name} {ToRoman(n)}";
            }

            return unique;
        }

        private static string RegionFor(double roll) => roll switch
        {
            < 0.55 => "NA",
            < 0.80 => "EMEA",
            < 0.95 => "APAC",
            _ => "LATAM",
        };

        private static string ToRoman(int n) => n switch
        {
            2 => "II",
            3 => "III",
            4 => "IV",
            5 => "V",
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
