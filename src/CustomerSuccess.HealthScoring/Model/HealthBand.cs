namespace CustomerSuccess.HealthScoring;

/// <summary>A named band of scores, such as green: [70, 100].</summary>
/// <param name="Name">The band's name.</param>
/// <param name="LowerBound">The lowest score in the band (inclusive).</param>
/// <param name="Index">The band's position, 0 for the lowest.</param>
public readonly record struct HealthBand(string Name, double LowerBound, int Index)
{
    /// <summary>Returns the band's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
