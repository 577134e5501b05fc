using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CustomerSuccess.HealthScoring;

// Clamping for the columnar paths. For finite lanes the hardware's min and max give Math.Clamp's answer, up to the sign
// of a zero, which no weighted sum here can show (sums start at +0, and +0 + -0 is +0). Since .NET 9, Vector512.Min and
// Max follow IEEE 754-2019 (NaN and signed zeros), which costs five instructions where the native form costs one; lanes
// that are not finite never reach these (those blocks go the scalar way).
internal static class ScoreLanes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Clamp(Vector512<double> x, Vector512<double> min, Vector512<double> max) =>
#if NET9_0_OR_GREATER
        Vector512.MinNative(Vector512.MaxNative(x, min), max);
#else
        Vector512.Min(Vector512.Max(x, min), max);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Clamp(Vector256<double> x, Vector256<double> min, Vector256<double> max) =>
#if NET9_0_OR_GREATER
        Vector256.MinNative(Vector256.MaxNative(x, min), max);
#else
        Vector256.Min(Vector256.Max(x, min), max);
#endif
}
