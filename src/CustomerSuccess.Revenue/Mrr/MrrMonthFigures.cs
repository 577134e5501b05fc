using System.Text.Json;
using CustomerSuccess.Json;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// A month's MRR movements and retention for one group (or the total), in the reporting currency. They reconcile
/// exactly: <c>closing = opening + fx impact + new + reactivation + expansion - contraction - churn</c>, and
/// <c>closing customers = opening + new + reactivated - churned</c>.
/// </summary>
/// <remarks>
/// <para>
/// Movements are measured in each account's own currency and converted at the month's rate; the opening MRR stays at
/// last month's rate, and the difference (the opening revalued at this month's rate) is <see cref="FxImpact"/>, so a
/// currency swing is never an expansion or a contraction. With one currency it is zero.
/// </para>
/// <para>Ratios are undefined (not 0) when their denominator is 0. Immutable and thread-safe.</para>
/// </remarks>
public readonly struct MrrMonthFigures
{
    private readonly MrrFigureSums _sums;
    private readonly bool _nrrIncludesReactivation;
    private readonly string? _group;

    internal MrrMonthFigures(YearMonth month, string group, Currency currency, in MrrFigureSums sums, bool nrrIncludesReactivation)
    {
        Month = month;
        _group = group;
        Currency = currency;
        _sums = sums;
        _nrrIncludesReactivation = nrrIncludesReactivation;
    }

    /// <summary>Gets the month (compared with the month before).</summary>
    public YearMonth Month { get; }

    /// <summary>Gets the group, or the empty string for the total.</summary>
    public string Group => _group ?? string.Empty;

    /// <summary>Gets the reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets last month's closing MRR of the accounts that were customers then, at last month's rates.</summary>
    public Money OpeningMrr => new(_sums.Opening, Currency);

    /// <summary>Gets the change in the opening MRR from revaluing it at this month's exchange rates.</summary>
    public Money FxImpact => new(_sums.Fx, Currency);

    /// <summary>Gets MRR from accounts that never paid before.</summary>
    public Money New => new(_sums.New, Currency);

    /// <summary>Gets MRR from accounts that paid in some earlier month, then stopped, and are back.</summary>
    public Money Reactivation => new(_sums.Reactivation, Currency);

    /// <summary>Gets the increase of MRR from accounts that paid in both months.</summary>
    public Money Expansion => new(_sums.Expansion, Currency);

    /// <summary>Gets the decrease of MRR from accounts that paid in both months (a positive amount).</summary>
    public Money Contraction => new(_sums.Contraction, Currency);

    /// <summary>Gets last month's MRR (at this month's rate) of accounts that stopped paying (a positive amount).</summary>
    public Money Churn => new(_sums.Churn, Currency);

    /// <summary>Gets this month's MRR.</summary>
    public Money ClosingMrr => new(_sums.Closing, Currency);

    /// <summary>Gets the number of customers last month.</summary>
    public int CustomersOpening => _sums.CustomersOpening;

    /// <summary>Gets the number of new customers.</summary>
    public int CustomersNew => _sums.CustomersNew;

    /// <summary>Gets the number of reactivated customers.</summary>
    public int CustomersReactivated => _sums.CustomersReactivated;

    /// <summary>Gets the number of customers whose MRR grew.</summary>
    public int CustomersExpanded => _sums.CustomersExpanded;

    /// <summary>Gets the number of customers whose MRR shrank.</summary>
    public int CustomersContracted => _sums.CustomersContracted;

    /// <summary>Gets the number of customers lost (logo churn).</summary>
    public int CustomersChurned => _sums.CustomersChurned;

    /// <summary>Gets the number of customers this month.</summary>
    public int CustomersClosing => _sums.CustomersClosing;

    /// <summary>
    /// Gets net revenue retention: <c>(opening + expansion - contraction - churn) / opening</c>, at this month's rates
    /// (plus reactivation when <see cref="MrrOptions.NrrIncludesReactivation"/> is set). Seed 002: 108% from 75,000
    /// opening, 10,000 expansion, 2,000 contraction and 2,000 churn.
    /// </summary>
    public Ratio Nrr
    {
        get
        {
            decimal opening = _sums.Opening + _sums.Fx;
            // Retained first: it never exceeds the opening, and with expansion (and reactivation) it never exceeds the
                // closing, so no step overflows where the figures themselves fit.
                decimal kept = opening - _sums.Contraction - _sums.Churn + _sums.Expansion + (_nrrIncludesReactivation ? _sums.Reactivation : 0m);
            return Ratio.Of(kept, opening);
        }
    }

    /// <summary>Gets gross revenue retention: <c>(opening - contraction - churn) / opening</c>, at this month's rates; never above 1.</summary>
    public Ratio Grr
    {
        get
        {
            decimal opening = _sums.Opening + _sums.Fx;
            return Ratio.Of(opening - _sums.Contraction - _sums.Churn, opening);
        }
    }

    /// <summary>Gets the quick ratio: <c>(new + reactivation + expansion) / (contraction + churn)</c>.</summary>
    public Ratio QuickRatio =>
        Ratio.Of(_sums.New + _sums.Reactivation + _sums.Expansion, _sums.Contraction + _sums.Churn);

    /// <summary>Gets gross logo churn: customers lost / customers last month.</summary>
    public Ratio LogoChurn => Ratio.Of(_sums.CustomersChurned, _sums.CustomersOpening);

    /// <summary>Gets the net customer change: (customers now - customers last month) / customers last month.</summary>
    public Ratio NetCustomerChange => Ratio.Of(_sums.CustomersClosing - _sums.CustomersOpening, _sums.CustomersOpening);

    internal MrrFigureSums Sums => _sums;
}

/// <summary>The additive sums behind <see cref="MrrMonthFigures"/>: partial results add up field by field.</summary>
internal struct MrrFigureSums
{
    public decimal Opening;
    public decimal Fx;
    public decimal New;
    public decimal Reactivation;
    public decimal Expansion;
    public decimal Contraction;
    public decimal Churn;
    public decimal Closing;
    public int CustomersOpening;
    public int CustomersNew;
    public int CustomersReactivated;
    public int CustomersExpanded;
    public int CustomersContracted;
    public int CustomersChurned;
    public int CustomersClosing;

    public void Add(in MrrFigureSums other)
    {
        Opening += other.Opening;
        Fx += other.Fx;
        New += other.New;
        Reactivation += other.Reactivation;
        Expansion += other.Expansion;
        Contraction += other.Contraction;
        Churn += other.Churn;
        Closing += other.Closing;
        CustomersOpening += other.CustomersOpening;
        CustomersNew += other.CustomersNew;
        CustomersReactivated += other.CustomersReactivated;
        CustomersExpanded += other.CustomersExpanded;
        CustomersContracted += other.CustomersContracted;
        CustomersChurned += other.CustomersChurned;
        CustomersClosing += other.CustomersClosing;
    }

    // The JSON form's names, one per field (docs/scale.md): a partial's month of figures.
    public readonly void Write(Utf8JsonWriter writer)
    {
        writer.WriteNumber("opening", PartialJson.Canonical(Opening));
        writer.WriteNumber("fx", PartialJson.Canonical(Fx));
        writer.WriteNumber("new", PartialJson.Canonical(New));
        writer.WriteNumber("reactivation", PartialJson.Canonical(Reactivation));
        writer.WriteNumber("expansion", PartialJson.Canonical(Expansion));
        writer.WriteNumber("contraction", PartialJson.Canonical(Contraction));
        writer.WriteNumber("churn", PartialJson.Canonical(Churn));
        writer.WriteNumber("closing", PartialJson.Canonical(Closing));
        writer.WriteNumber("customersOpening", CustomersOpening);
        writer.WriteNumber("customersNew", CustomersNew);
        writer.WriteNumber("customersReactivated", CustomersReactivated);
        writer.WriteNumber("customersExpanded", CustomersExpanded);
        writer.WriteNumber("customersContracted", CustomersContracted);
        writer.WriteNumber("customersChurned", CustomersChurned);
        writer.WriteNumber("customersClosing", CustomersClosing);
    }

    public static MrrFigureSums Read(JsonAt month) => new()
    {
        Opening = month.Property("opening").Decimal(),
        Fx = month.Property("fx").Decimal(),
        New = month.Property("new").Decimal(),
        Reactivation = month.Property("reactivation").Decimal(),
        Expansion = month.Property("expansion").Decimal(),
        Contraction = month.Property("contraction").Decimal(),
        Churn = month.Property("churn").Decimal(),
        Closing = month.Property("closing").Decimal(),
        CustomersOpening = month.Property("customersOpening").Count32(),
        CustomersNew = month.Property("customersNew").Count32(),
        CustomersReactivated = month.Property("customersReactivated").Count32(),
        CustomersExpanded = month.Property("customersExpanded").Count32(),
        CustomersContracted = month.Property("customersContracted").Count32(),
        CustomersChurned = month.Property("customersChurned").Count32(),
        CustomersClosing = month.Property("customersClosing").Count32(),
    };
}
