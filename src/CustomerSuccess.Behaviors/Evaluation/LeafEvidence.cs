namespace CustomerSuccess.Behaviors;

/// <summary>What one leaf of a predicate observed, against what it expected: the explanation of a match.</summary>
/// <remarks>Immutable.</remarks>
public sealed class LeafEvidence
{
    internal LeafEvidence(string leaf, BehaviorValue? observed, string expected, bool matched, string? note)
    {
        Leaf = leaf;
        Observed = observed;
        Expected = expected;
        Matched = matched;
        Note = note;
    }

    /// <summary>Gets the leaf in text form, such as <c>count(support_case_opened, last 7d)</c>.</summary>
    public string Leaf { get; }

    /// <summary>Gets the observed value, or <see langword="null"/> when it is undefined (see <see cref="Note"/>).</summary>
    public BehaviorValue? Observed { get; }

    /// <summary>Gets the condition on it, such as <c>&gt;= 5</c>.</summary>
    public string Expected { get; }

    /// <summary>Gets whether the leaf held.</summary>
    public bool Matched { get; }

    /// <summary>Gets a note: why the value is undefined, or which users matched.</summary>
    public string? Note { get; }

    /// <summary>Returns "leaf = observed (expected)", the form the command line prints.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Observed is { } observed
            ? $"{Leaf} = {observed} ({Expected}{(Note is null ? string.Empty : "; " + Note)})"
            : $"{Leaf} undefined ({Note ?? "no value"}; {Expected})";
}
