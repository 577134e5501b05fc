using System;

namespace CustomerSuccess.Signals;

/// <summary>Creates signals from delegates, for signals too small to deserve a class of their own.</summary>
public static class Signal
{
    /// <summary>Creates a signal from a measuring function.</summary>
    /// <typeparam name="TAccount">The account type the signal reads.</typeparam>
    /// <param name="id">The signal's id, such as "nps.latest".</param>
    /// <param name="timing">Whether the signal leads or lags.</param>
    /// <param name="measure">
    /// Measures one account as of the context. It must follow the <see cref="ISignal{TAccount}"/> contract:
    /// thread-safe, point-in-time, and <see cref="SignalValue.Missing"/> rather than an exception for missing data.
    /// A static lambda avoids a closure allocation.
    /// </param>
    /// <returns>The signal.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default(SignalId)</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public static ISignal<TAccount> Create<TAccount>(SignalId id, SignalTiming timing, Func<TAccount, SignalContext, SignalValue> measure)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("A signal needs an id; default(SignalId) is none.", nameof(id));
        }

        ArgumentNullException.ThrowIfNull(measure);
        if (!Enum.IsDefined(timing))
        {
            throw new ArgumentOutOfRangeException(nameof(timing), timing, $"Signal '{id}': timing must be Leading or Lagging.");
        }

        return new DelegateSignal<TAccount>(id, timing, measure);
    }

    private sealed class DelegateSignal<TAccount>(SignalId id, SignalTiming timing, Func<TAccount, SignalContext, SignalValue> measure)
        : ISignal<TAccount>
    {
        public SignalId Id { get; } = id;

        public SignalTiming Timing { get; } = timing;

        public SignalValue Measure(TAccount account, in SignalContext context) => measure(account, context);

        public override string ToString() => $"{Id} ({Timing})";
    }
}
