namespace CustomerSuccess.Behaviors;

/// <summary>A window resolved against a scope: events with lo &lt; instant &lt;= hi, or undefined.</summary>
/// <remarks>Named apart from <see cref="System.Span{T}"/>, which it used to shadow.</remarks>
internal readonly record struct ResolvedWindow(long Lo, long Hi, bool Defined)
{
    internal static readonly ResolvedWindow Undefined = new(0, 0, false);
}
