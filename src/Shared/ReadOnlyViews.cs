using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CustomerSuccess;

/// <summary>
/// The collections a package hands out are read-only views, never its arrays, lists or dictionaries typed as
/// <c>IReadOnly*</c>: a caller could cast those back and change a model or a report under everyone else's feet.
/// Compiled into each package (a linked source file, not an API).
/// </summary>
internal static class ReadOnlyViews
{
    /// <summary>Copies the items into a view of their own, so that later changes to <paramref name="items"/> change nothing.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; <see langword="null"/> throws, naming <paramref name="parameter"/>.</param>
    /// <param name="parameter">The parameter the items came from.</param>
    /// <returns>The view.</returns>
    public static ReadOnlyCollection<T> Copy<T>(IEnumerable<T> items, string parameter)
    {
        ArgumentNullException.ThrowIfNull(items, parameter); // even a view is copied: the list behind it may still change
        T[] copy;
        if (items is ICollection<T> collection)
        {
            // One array of the right length (a store reads thousands of snapshots a history, each with its signals).
            copy = collection.Count == 0 ? [] : new T[collection.Count];
            collection.CopyTo(copy, 0);
        }
        else
        {
            copy = [.. items];
        }

        return copy.Length == 0 ? ReadOnlyCollection<T>.Empty : new(copy);
    }

    /// <summary>Wraps an array that nothing else will change (one built for the purpose), without copying it.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The array.</param>
    /// <returns>The view.</returns>
    public static ReadOnlyCollection<T> Wrap<T>(T[] items) => new(items);

    /// <summary>Wraps a dictionary that nothing else will change, without copying it.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="items">The dictionary.</param>
    /// <returns>The view.</returns>
    public static ReadOnlyDictionary<TKey, TValue> Wrap<TKey, TValue>(IDictionary<TKey, TValue> items)
        where TKey : notnull => new(items);
}
