using System;

namespace CustomerSuccess;

/// <summary>Growing the columns of a builder of millions of rows. Compiled into each package that needs it (a linked source file, not an API).</summary>
internal static class Columns
{
    /// <summary>
    /// A column of <paramref name="size"/> entries holding the first <paramref name="count"/> of <paramref name="column"/>.
    /// The rest is not cleared: a builder writes an entry before it reads it, and memory it never writes is never touched
    /// (at ten million rows, clearing what is overwritten anyway costs as much as the writing).
    /// </summary>
    public static T[] Grown<T>(T[] column, int count, int size)
        where T : unmanaged
    {
        T[] grown = GC.AllocateUninitializedArray<T>(size);
        column.AsSpan(0, count).CopyTo(grown);
        return grown;
    }
}
