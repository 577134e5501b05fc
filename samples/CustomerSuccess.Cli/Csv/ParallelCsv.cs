using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace CustomerSuccess.Cli.Csv;

/// <summary>Whether and how a file is read on several cores.</summary>
internal static class ParallelCsv
{
    /// <summary>The bytes of CSV text each core parses at a time.</summary>
    public const int RangeBytes = 1 << 18;

    /// <summary>
    /// Cuts a CSV file for reading on <paramref name="threads"/> cores, having read its header (whose errors are the
    /// sequential reader's): false for one core, a Parquet file, or a file too small or unsafe to cut (then read in order).
    /// </summary>
    public static bool TrySplit(string path, string[] requiredColumns, int threads, int rangeBytes, out IReadOnlyList<CsvRange> ranges, out IReadOnlyList<string> columns)
    {
        (ranges, columns) = ([], []);
        if (threads <= 1 || TableReader.IsParquet(path) || CsvRanges.Split(path, rangeBytes) is not { Count: > 1 } cut)
        {
            return false;
        }

        using (TableReader header = TableReader.Open(path, requiredColumns))
        {
            columns = header.Columns;
        }

        ranges = cut;
        return true;
    }
}

/// <summary>
/// Reads a CSV file on several cores and gives its parsed rows in file order: the file cut into ranges of whole rows
/// (<see cref="CsvRanges"/>), each range parsed by its own reader on a pool thread, at most one range more than cores in flight (each range in flight holds its rows' buffer).
/// What comes out is what one reader gives: the same rows with the same lines, and a bad row ends them at the same
/// place with the same error, after every row before it.
/// </summary>
/// <typeparam name="T">A parsed row.</typeparam>
/// <typeparam name="TState">What a parser keeps from row to row within a range (the previous account, string pools).</typeparam>
internal sealed class ParallelCsv<T, TState>
{
    private readonly ConcurrentBag<(T, int)[]> _buffers = []; // as many as are ever in flight, each reused, none garbage
    private readonly string _path;
    private readonly IReadOnlyList<string> _columns;
    private readonly int _shortestRow;
    private readonly Func<TState> _state;
    private readonly Func<TableRecord, TState, T> _parse;

    /// <param name="path">The file.</param>
    /// <param name="columns">Its header's columns, as the reader of the whole file found them.</param>
    /// <param name="shortestRow">The bytes of the shortest row the format allows, with its line break: a range holds at most its size over that.</param>
    /// <param name="state">A fresh parser state, one per range.</param>
    /// <param name="parse">Parses a row; an <see cref="InputException"/> it throws is the row's error.</param>
    public ParallelCsv(string path, IReadOnlyList<string> columns, int shortestRow, Func<TState> state, Func<TableRecord, TState, T> parse) =>
        (_path, _columns, _shortestRow, _state, _parse) = (path, columns, shortestRow, state, parse);

    /// <summary>The rows of the ranges, in file order.</summary>
    public IEnumerable<(T Row, int Line)> Read(IReadOnlyList<CsvRange> ranges, int threads)
    {
        var pending = new Queue<Task<Part>>();
        int next = 0;
        long rows = 0;
        while (next < ranges.Count && pending.Count < threads + 1)
        {
            CsvRange range = ranges[next++];
            pending.Enqueue(Task.Run(() => Parse(range)));
        }

        while (pending.Count > 0)
        {
            Part part = pending.Dequeue().GetAwaiter().GetResult();
            if (part.Error is null && next < ranges.Count)
            {
                CsvRange range = ranges[next++];
                pending.Enqueue(Task.Run(() => Parse(range)));
            }

            for (int i = 0; i < part.Count; i++)
            {
                if ((++rows & 0x1FFF) == 0)
                {
                    Progress.Rows(_path, rows); // on this thread, in file order, as one reader reports them
                }

                yield return part.Rows[i];
            }

            Array.Clear(part.Rows, 0, part.Count); // rows hold strings
            _buffers.Add(part.Rows);
            if (part.Error is not null)
            {
                throw part.Error; // the rows after it are never read, as in order
            }
        }

        Progress.FileRead(_path, rows);
    }

    // Called once a range, its loop would run unoptimised for the first thirty ranges or so under tiered compilation (a
    // method is tiered up after 30 calls, and a range's rows are too few for on-stack replacement): optimised at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Part Parse(CsvRange range)
    {
        long most = ((range.End - range.Start) / _shortestRow) + 1;
        var part = new Part(_buffers.TryTake(out (T, int)[]? buffer) && buffer.Length >= most ? buffer : new (T, int)[most]);
        try
        {
            using CsvReader reader = CsvReader.OpenRange(_path, _columns, range);
            TState state = _state();
            while (reader.Read() is { } record)
            {
                T row = _parse(record, state); // before the count moves: a row that fails is not one
                part.Rows[part.Count++] = (row, record.Line);
            }
        }
        catch (InputException e)
        {
            part.Error = e;
        }

        return part;
    }

    private sealed class Part((T Row, int Line)[] rows)
    {
        public (T Row, int Line)[] Rows { get; } = rows;

        public int Count { get; set; }

        public InputException? Error { get; set; }
    }
}
