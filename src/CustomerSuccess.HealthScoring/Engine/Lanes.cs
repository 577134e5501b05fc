using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// The lane operations the column kernel needs, at one vector width. The kernel is written once over them; the widths
/// are structs, so the JIT compiles it once per width with every call inlined. (net8.0 has no <c>ISimdVector</c>.)
/// </summary>
/// <typeparam name="TVector">The vector of doubles.</typeparam>
internal interface ILanes<TVector>
    where TVector : unmanaged
{
    static abstract int Count { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Create(double value);

    static abstract TVector Create(ReadOnlySpan<double> values);

    static abstract double GetElement(TVector value, int lane);

    static abstract TVector Load(double[] column, nuint at);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Multiply(TVector left, TVector right);

    static abstract TVector Divide(TVector left, TVector right);

    static abstract TVector And(TVector left, TVector right);

    static abstract TVector Or(TVector left, TVector right);

    /// <summary>Lane by lane: <paramref name="whenTrue"/> where <paramref name="mask"/> is all ones.</summary>
    static abstract TVector Select(TVector mask, TVector whenTrue, TVector whenFalse);

    /// <summary>Math.Clamp's answer for finite lanes, up to the sign of a zero (see <see cref="Lanes512.Clamp"/>).</summary>
    static abstract TVector Clamp(TVector value, TVector min, TVector max);

    /// <summary>Math.Min, lane by lane.</summary>
    static abstract TVector Min(TVector left, TVector right);

    /// <summary>Math.Max, lane by lane.</summary>
    static abstract TVector Max(TVector left, TVector right);

    static abstract TVector GreaterThan(TVector left, TVector right);

    static abstract TVector GreaterThanOrEqual(TVector left, TVector right);

    static abstract TVector LessThan(TVector left, TVector right);

    static abstract TVector LessThanOrEqual(TVector left, TVector right);

    static abstract bool IsZero(TVector value);

    /// <summary>
    /// Writes <see cref="Count"/> scores as <see cref="HealthScore"/>s: each lane's score bits, then <paramref name="tail"/>
    /// with its band (a small whole number held as a double) and, where <paramref name="gated"/> is all ones, the gated influence.
    /// </summary>
    static abstract void Write(ref long destination, TVector score, TVector band, TVector gated, long tail);
}

/// <summary>Constants the widths share.</summary>
internal static class Lanes
{
    /// <summary>2^52: a small whole number k held as a double, plus this, has k in its mantissa bits.</summary>
    public const double TwoToThe52 = 4503599627370496.0;

    /// <summary>The mantissa bits of a double.</summary>
    public const long Mantissa = 0x000F_FFFF_FFFF_FFFF;

    /// <summary>The gated influence where <see cref="HealthScore.BandedTail"/> puts influences.</summary>
    public const long GatedBit = (long)HealthScoreInfluences.Gated << 56;
}

/// <summary>512-bit lanes (AVX-512).</summary>
internal readonly struct Lanes512 : ILanes<Vector512<double>>
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    public static int Count => Vector512<double>.Count;

    public static Vector512<double> Zero => Vector512<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Create(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Create(ReadOnlySpan<double> values) => Vector512.Create(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetElement(Vector512<double> value, int lane) => value.GetElement(lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(double[] column, nuint at) => Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(column), at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Subtract(Vector512<double> left, Vector512<double> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> left, Vector512<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Divide(Vector512<double> left, Vector512<double> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> And(Vector512<double> left, Vector512<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Or(Vector512<double> left, Vector512<double> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Select(Vector512<double> mask, Vector512<double> whenTrue, Vector512<double> whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);

    /// <summary>
    /// For finite lanes the hardware's min and max give Math.Clamp's answer, up to the sign of a zero, which no weighted
    /// sum here can show (sums start at +0, and +0 + -0 is +0). Since .NET 9, Vector512.Min and Max follow IEEE 754-2019
    /// (NaN and signed zeros), which costs five instructions where the native form costs one; lanes that are not finite
    /// are never kept (those blocks go the scalar way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Clamp(Vector512<double> value, Vector512<double> min, Vector512<double> max) =>
#if NET9_0_OR_GREATER
        Vector512.MinNative(Vector512.MaxNative(value, min), max);
#else
        Vector512.Min(Vector512.Max(value, min), max);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Min(Vector512<double> left, Vector512<double> right) => Vector512.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Max(Vector512<double> left, Vector512<double> right) => Vector512.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThan(Vector512<double> left, Vector512<double> right) => Vector512.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThanOrEqual(Vector512<double> left, Vector512<double> right) => Vector512.GreaterThanOrEqual(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThan(Vector512<double> left, Vector512<double> right) => Vector512.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThanOrEqual(Vector512<double> left, Vector512<double> right) => Vector512.LessThanOrEqual(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(Vector512<double> value) => Vector512.EqualsAll(value, Vector512<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(ref long destination, Vector512<double> score, Vector512<double> band, Vector512<double> gated, long tail)
    {
        // (score bits, tail | band << 32 | gated influence) pairs, interleaved by two permutes: two 64-byte stores.
        Vector512<long> whole = (band + Vector512.Create(Lanes.TwoToThe52)).AsInt64() & Vector512.Create(Lanes.Mantissa);
        Vector512<long> tails = Vector512.Create(tail) | Vector512.ShiftLeft(whole, 32) | (gated.AsInt64() & Vector512.Create(Lanes.GatedBit));
        Vector512<long> bits = score.AsInt64();
        Avx512F.PermuteVar8x64x2(bits, Vector512.Create(0L, 8, 1, 9, 2, 10, 3, 11), tails).StoreUnsafe(ref destination); // lane i of the first source, 8 + i of the second
        Avx512F.PermuteVar8x64x2(bits, Vector512.Create(4L, 12, 5, 13, 6, 14, 7, 15), tails).StoreUnsafe(ref destination, 8);
    }
}

/// <summary>256-bit lanes (AVX2), for machines without AVX-512 (or where the runtime does not use it).</summary>
internal readonly struct Lanes256 : ILanes<Vector256<double>>
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    public static int Count => Vector256<double>.Count;

    public static Vector256<double> Zero => Vector256<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Create(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Create(ReadOnlySpan<double> values) => Vector256.Create(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetElement(Vector256<double> value, int lane) => value.GetElement(lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(double[] column, nuint at) => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(column), at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> left, Vector256<double> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Divide(Vector256<double> left, Vector256<double> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> And(Vector256<double> left, Vector256<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Or(Vector256<double> left, Vector256<double> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<double> mask, Vector256<double> whenTrue, Vector256<double> whenFalse) => Vector256.ConditionalSelect(mask, whenTrue, whenFalse);

    /// <summary>As <see cref="Lanes512.Clamp"/>, at 256 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Clamp(Vector256<double> value, Vector256<double> min, Vector256<double> max) =>
#if NET9_0_OR_GREATER
        Vector256.MinNative(Vector256.MaxNative(value, min), max);
#else
        Vector256.Min(Vector256.Max(value, min), max);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Min(Vector256<double> left, Vector256<double> right) => Vector256.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Max(Vector256<double> left, Vector256<double> right) => Vector256.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThan(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThanOrEqual(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThanOrEqual(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThan(Vector256<double> left, Vector256<double> right) => Vector256.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThanOrEqual(Vector256<double> left, Vector256<double> right) => Vector256.LessThanOrEqual(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(Vector256<double> value) => Vector256.EqualsAll(value, Vector256<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(ref long destination, Vector256<double> score, Vector256<double> band, Vector256<double> gated, long tail)
    {
        // (score bits, tail | band << 32 | gated influence) pairs: unpack within 128-bit halves, then put the halves in
        // order; two 32-byte stores.
        Vector256<long> whole = (band + Vector256.Create(Lanes.TwoToThe52)).AsInt64() & Vector256.Create(Lanes.Mantissa);
        Vector256<double> tails = (Vector256.Create(tail) | Vector256.ShiftLeft(whole, 32) | (gated.AsInt64() & Vector256.Create(Lanes.GatedBit))).AsDouble();
        Vector256<double> low = Avx.UnpackLow(score, tails); // s0 t0 s2 t2
        Vector256<double> high = Avx.UnpackHigh(score, tails); // s1 t1 s3 t3
        Avx.Permute2x128(low, high, 0x20).AsInt64().StoreUnsafe(ref destination); // s0 t0 s1 t1
        Avx.Permute2x128(low, high, 0x31).AsInt64().StoreUnsafe(ref destination, 4); // s2 t2 s3 t3
    }
}

/// <summary>128-bit lanes (SSE on x86, AdvSimd on Arm64), for machines without AVX2.</summary>
internal readonly struct Lanes128 : ILanes<Vector128<double>>
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static int Count => Vector128<double>.Count;

    public static Vector128<double> Zero => Vector128<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Create(double value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Create(ReadOnlySpan<double> values) => Vector128.Create(values);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GetElement(Vector128<double> value, int lane) => value.GetElement(lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Load(double[] column, nuint at) => Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(column), at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Add(Vector128<double> left, Vector128<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> left, Vector128<double> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> left, Vector128<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Divide(Vector128<double> left, Vector128<double> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> And(Vector128<double> left, Vector128<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Or(Vector128<double> left, Vector128<double> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Select(Vector128<double> mask, Vector128<double> whenTrue, Vector128<double> whenFalse) => Vector128.ConditionalSelect(mask, whenTrue, whenFalse);

    /// <summary>As <see cref="Lanes512.Clamp"/>, at 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Clamp(Vector128<double> value, Vector128<double> min, Vector128<double> max) =>
#if NET9_0_OR_GREATER
        Vector128.MinNative(Vector128.MaxNative(value, min), max);
#else
        Vector128.Min(Vector128.Max(value, min), max);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Min(Vector128<double> left, Vector128<double> right) => Vector128.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Max(Vector128<double> left, Vector128<double> right) => Vector128.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThan(Vector128<double> left, Vector128<double> right) => Vector128.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThanOrEqual(Vector128<double> left, Vector128<double> right) => Vector128.GreaterThanOrEqual(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThan(Vector128<double> left, Vector128<double> right) => Vector128.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThanOrEqual(Vector128<double> left, Vector128<double> right) => Vector128.LessThanOrEqual(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(Vector128<double> value) => Vector128.EqualsAll(value, Vector128<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(ref long destination, Vector128<double> score, Vector128<double> band, Vector128<double> gated, long tail)
    {
        // Two accounts: (score bits, tail | band << 32 | gated influence) each, written element by element (no
        // two-source shuffle is common to SSE and AdvSimd).
        Vector128<long> whole = (band + Vector128.Create(Lanes.TwoToThe52)).AsInt64() & Vector128.Create(Lanes.Mantissa);
        Vector128<long> tails = Vector128.Create(tail) | Vector128.ShiftLeft(whole, 32) | (gated.AsInt64() & Vector128.Create(Lanes.GatedBit));
        Vector128<long> bits = score.AsInt64();
        destination = bits.GetElement(0);
        Unsafe.Add(ref destination, 1) = tails.GetElement(0);
        Unsafe.Add(ref destination, 2) = bits.GetElement(1);
        Unsafe.Add(ref destination, 3) = tails.GetElement(1);
    }
}
