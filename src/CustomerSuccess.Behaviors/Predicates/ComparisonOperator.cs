namespace CustomerSuccess.Behaviors;

/// <summary>How an observed value is compared with a threshold.</summary>
public enum ComparisonOperator
{
    /// <summary><c>&gt;=</c></summary>
    AtLeast = 1,

    /// <summary><c>&gt;</c></summary>
    MoreThan = 2,

    /// <summary><c>&lt;=</c></summary>
    AtMost = 3,

    /// <summary><c>&lt;</c></summary>
    LessThan = 4,

    /// <summary><c>==</c></summary>
    EqualTo = 5,

    /// <summary><c>between low and high</c>, both inclusive.</summary>
    Between = 6,
}
