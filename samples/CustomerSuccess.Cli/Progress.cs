using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace CustomerSuccess.Cli;

/// <summary>
/// One line of progress on a terminal, redrawn in place: the rows read from each file, their rate and the time elapsed,
/// then what is being computed. Drawn only once the work has run for a second (a quick command shows nothing), at most
/// four times a second, and wiped before the report is written, so a terminal shows the report alone at the end. Only a
/// terminal gets one: <see cref="CliApp.Run(System.Collections.Generic.IReadOnlyList{string}, TextWriter, TextWriter, TextWriter?, TimeProvider?)"/>
/// is given none when standard error is redirected, so pipes and CI logs stay clean.
/// </summary>
internal sealed class Progress
{
    private static readonly AsyncLocal<Progress?> Ambient = new();

    private readonly TextWriter _terminal;
    private readonly TimeProvider _clock;
    private readonly string _command;
    private readonly long _started;
    private long _lastDrawn;
    private int _drawnWidth;
    private string _file = string.Empty;
    private long _fileStarted;

    private Progress(TextWriter terminal, TimeProvider clock, string command)
    {
        _terminal = terminal;
        _clock = clock;
        _command = command;
        _started = clock.GetTimestamp();
        _fileStarted = _started;
    }

    /// <summary>
    /// Starts the progress of one run on <paramref name="terminal"/> (none when <see langword="null"/>); readers in the run
    /// report to it through <see cref="Rows"/> and <see cref="FileRead"/>. Dispose the result to wipe the line.
    /// </summary>
    public static IDisposable Start(TextWriter? terminal, TimeProvider clock, string command)
    {
        if (terminal is null)
        {
            return Stop.Nothing;
        }

        var progress = new Progress(terminal, clock, command);
        Ambient.Value = progress;
        return new Stop(progress);
    }

    /// <summary>Reports the rows read so far from a file.</summary>
    public static void Rows(string file, long rows) => Ambient.Value?.Draw(file, rows, done: false);

    /// <summary>Reports a file read to its end: what follows is computing.</summary>
    public static void FileRead(string file, long rows) => Ambient.Value?.Draw(file, rows, done: true);

    /// <summary>Reports what is being computed now.</summary>
    public static void Stage(string what) => Ambient.Value?.DrawStage(what);

    private void DrawStage(string what)
    {
        long now = _clock.GetTimestamp();
        if (_clock.GetElapsedTime(_started, now) >= TimeSpan.FromSeconds(1))
        {
            _lastDrawn = now;
            Write(string.Create(CultureInfo.InvariantCulture, $"{CliApp.ToolName} {_command}: {what}...; {_clock.GetElapsedTime(_started, now).TotalSeconds:F1} s"));
        }
    }

    private void Draw(string file, long rows, bool done)
    {
        long now = _clock.GetTimestamp();
        if (!string.Equals(file, _file, StringComparison.Ordinal))
        {
            (_file, _fileStarted) = (file, now);
        }

        if (_clock.GetElapsedTime(_started, now) < TimeSpan.FromSeconds(1)
            || (!done && _clock.GetElapsedTime(_lastDrawn, now) < TimeSpan.FromMilliseconds(250)))
        {
            return;
        }

        _lastDrawn = now;
        double seconds = _clock.GetElapsedTime(_fileStarted, now).TotalSeconds;
        string rate = seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $", {rows / seconds:N0} rows/s") : string.Empty;
        string elapsed = string.Create(CultureInfo.InvariantCulture, $"{_clock.GetElapsedTime(_started, now).TotalSeconds:F1} s");
        string line = done
            ? string.Create(CultureInfo.InvariantCulture, $"{CliApp.ToolName} {_command}: {file}: {rows:N0} rows read{rate}; {elapsed}; computing...")
            : string.Create(CultureInfo.InvariantCulture, $"{CliApp.ToolName} {_command}: reading {file}: {rows:N0} rows{rate}; {elapsed}");
        Write(line);
    }

    private void Write(string line)
    {
        // Carriage return and padding redraw the line in place; a shorter line blanks what the longer one left.
        _terminal.Write('\r' + line.PadRight(_drawnWidth));
        _terminal.Flush();
        _drawnWidth = line.Length;
    }

    private void Wipe()
    {
        if (_drawnWidth > 0)
        {
            _terminal.Write('\r' + new string(' ', _drawnWidth) + '\r');
            _terminal.Flush();
            _drawnWidth = 0;
        }
    }

    private sealed class Stop(Progress? progress) : IDisposable
    {
        public static readonly Stop Nothing = new(null);

        public void Dispose()
        {
            if (progress is not null)
            {
                progress.Wipe();
                Ambient.Value = null;
            }
        }
    }
}
