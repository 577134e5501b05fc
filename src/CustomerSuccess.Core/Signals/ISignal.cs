namespace CustomerSuccess.Signals;

/// <summary>
/// The signal plugin contract: measures one raw value for one account as of a point in time. A health model
/// maps the raw value to a score with a curve, weights it and explains it; the signal only measures.
/// </summary>
/// <typeparam name="TAccount">The caller's own account type (or a view of it) that the signal reads.</typeparam>
/// <remarks>
/// <para>Implementers must follow this contract:</para>
/// <list type="bullet">
/// <item><description>Return <see cref="SignalValue.Missing"/> with a reason a customer-success manager can read when there is
/// nothing to measure (no survey answered, no licences sold). Do not throw for missing data, and never return 0 to mean "unknown".</description></item>
/// <item><description>Read nothing recorded after <see cref="SignalContext.AsOf"/>.</description></item>
/// <item><description>Be thread-safe and free of side effects: one instance measures many accounts, concurrently.</description></item>
/// <item><description>Read data already loaded on the account; do I/O before scoring, not inside <see cref="Measure"/>, which sits on the scoring hot path.</description></item>
/// </list>
/// <para>An exception thrown from <see cref="Measure"/> is a bug in the signal; callers report it with the signal's <see cref="Id"/> and the account.</para>
/// </remarks>
public interface ISignal<in TAccount>
{
    /// <summary>Gets the signal's id, unique within a model.</summary>
    SignalId Id { get; }

    /// <summary>Gets whether the signal leads or lags the outcome it is meant to warn of.</summary>
    SignalTiming Timing { get; }

    /// <summary>Measures the raw value for one account.</summary>
    /// <param name="account">The account.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <returns>The raw value, or missing with a reason.</returns>
    SignalValue Measure(TAccount account, in SignalContext context);
}
