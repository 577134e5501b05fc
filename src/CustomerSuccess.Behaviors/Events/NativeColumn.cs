using System;
using System.Runtime.InteropServices;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// A growable column of unmanaged values in native memory, for the <see cref="EventStore.Builder"/>'s columns, which die
/// while the store is built. Freeing one gives its pages back to the system at once, where a garbage-collected array
/// stays resident until a full collection: so building 20,000,000 events holds the builder's columns plus one new
/// column at its peak, not the builder's columns plus every column of the store (docs/benchmarks.md, issue 17).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// A builder frees its columns when it builds; the finalizer frees those of a builder dropped without building. Only
/// <see cref="Span"/> reaches the memory, and it refuses a freed column.
/// </remarks>
internal sealed unsafe class NativeColumn<T> : SafeHandle
    where T : unmanaged
{
    public NativeColumn(int capacity)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        SetHandle((IntPtr)NativeMemory.Alloc((nuint)Math.Max(capacity, 1), (nuint)sizeof(T)));
        Capacity = capacity;
    }

    /// <summary>Gets the number of values the column holds.</summary>
    public int Capacity { get; private set; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Gets the values; values never written are undefined.</summary>
    /// <exception cref="ObjectDisposedException">The column has been freed.</exception>
    public Span<T> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return new Span<T>((void*)handle, Capacity);
        }
    }

    /// <summary>Changes the capacity, keeping the values that still fit.</summary>
    public void Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ObjectDisposedException.ThrowIf(IsClosed, this);
        handle = (IntPtr)NativeMemory.Realloc((void*)handle, checked((nuint)Math.Max(capacity, 1) * (nuint)sizeof(T)));
        Capacity = capacity;
    }

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
