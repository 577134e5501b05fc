using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Numbers about an account's state that predicates read through <c>fact(name)</c>: days past due, the age of the oldest
/// open P1 case, licences sold. The caller supplies them as of the evaluation's instant (point-in-time is the caller's duty here).
/// </summary>
/// <remarks>Implementations must be thread-safe; segment queries and rule sets read facts from many threads' evaluations.</remarks>
public interface IAccountFacts
{
    /// <summary>Gets a fact.</summary>
    /// <param name="account">The account.</param>
    /// <param name="fact">The fact's name.</param>
    /// <param name="asOf">The instant the evaluation is as of.</param>
    /// <param name="value">The fact's value when known.</param>
    /// <returns><see langword="true"/> when the fact is known; an unknown fact is undefined, not 0.</returns>
    bool TryGetFact(AccountId account, string fact, Instant asOf, out decimal value);
}
