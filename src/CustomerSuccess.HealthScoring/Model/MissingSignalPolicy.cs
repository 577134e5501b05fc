namespace CustomerSuccess.HealthScoring;

/// <summary>What to do when a signal has no value for an account.</summary>
public enum MissingSignalPolicy
{
    /// <summary>Leave the signal out and renormalise the weights of the others (the default).</summary>
    Skip = 0,

    /// <summary>Count it with a fixed score (<see cref="HealthSignalDefinition.SubstituteScore"/>).</summary>
    Substitute = 1,

    /// <summary>The account cannot be scored without it: the score is undefined, naming the signal.</summary>
    Fail = 2,
}
