using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>How an account's story ended, as far as it was watched.</summary>
public sealed class ChurnOutcome
{
    /// <summary>Initializes a new <see cref="ChurnOutcome"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="churnedOn">The day it churned, or <see langword="null"/> if it had not churned by <paramref name="observedUntil"/>.</param>
    /// <param name="observedUntil">The last day the account was observed.</param>
    public ChurnOutcome(AccountId account, LocalDate? churnedOn, LocalDate observedUntil)
    {
        Account = account;
        ChurnedOn = churnedOn;
        ObservedUntil = observedUntil;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the day it churned, or <see langword="null"/> if it had not churned by <see cref="ObservedUntil"/>.</summary>
    public LocalDate? ChurnedOn { get; }

    /// <summary>Gets the last day the account was observed.</summary>
    public LocalDate ObservedUntil { get; }
}
