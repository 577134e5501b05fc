using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>What an account looked like on a past day: the state a health model's signals read then.</summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
public sealed class HealthSnapshot<TAccount>
{
    /// <summary>Initializes a new <see cref="HealthSnapshot{TAccount}"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The day of the snapshot; nothing after it may be in <paramref name="state"/>.</param>
    /// <param name="state">The account as it was that day.</param>
    public HealthSnapshot(AccountId account, LocalDate asOf, TAccount state)
    {
        Account = account;
        AsOf = asOf;
        State = state;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the day of the snapshot; nothing after it may be in <see cref="State"/>.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the account as it was that day.</summary>
    public TAccount State { get; }

    /// <summary>
    /// Gets the context a snapshot is scored and measured in: the start of its day, in UTC, so nothing later is read. An export
    /// of raw values that a backtest reads back from a file measures each signal in this context.
    /// </summary>
    public Signals.SignalContext Context => new(AsOf.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), DateTimeZone.Utc);
}
