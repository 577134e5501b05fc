using System;
using System.Globalization;
using System.Text;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// A span of time relative to the as-of instant <c>t</c> of an evaluation, over which events are aggregated. Every
/// window ends at or before <c>t</c>: events after the as-of instant do not exist.
/// </summary>
/// <remarks>
/// Windows are half-open on the left: <c>last 7d</c> is <c>(t - 7d, t]</c>, so an event exactly 7 days old is out and one
/// at <c>t</c> is in, and <c>between a and b</c> is <c>(a, b]</c>, so <c>between t-7d and t</c> equals <c>last 7d</c>.
/// Calendar windows use the evaluation's time zone. Immutable and thread-safe.
/// </remarks>
public sealed class BehaviorWindow : IEquatable<BehaviorWindow>
{
    private BehaviorWindow(WindowKind kind, Duration length = default, Duration offset = default, Instant from = default, Instant to = default, string? anchor = null, CalendarUnit unit = default, int periods = 0)
    {
        Kind = kind;
        Length = length;
        Offset = offset;
        From = from;
        To = to;
        Anchor = anchor;
        Unit = unit;
        Periods = periods;
    }

    /// <summary>Gets everything up to the as-of instant: <c>ever</c>.</summary>
    public static BehaviorWindow Ever { get; } = new(WindowKind.Ever);

    /// <summary>Gets the kind of window.</summary>
    public WindowKind Kind { get; }

    /// <summary>Gets the length of a <see cref="WindowKind.Last"/> or <see cref="WindowKind.First"/> window.</summary>
    public Duration Length { get; }

    /// <summary>Gets how far a <see cref="WindowKind.Last"/> window is shifted back from the as-of instant.</summary>
    public Duration Offset { get; }

    /// <summary>Gets the exclusive start of a <see cref="WindowKind.Between"/> window.</summary>
    public Instant From { get; }

    /// <summary>Gets the inclusive end of a <see cref="WindowKind.Between"/> window.</summary>
    public Instant To { get; }

    /// <summary>Gets the anchor event of a <see cref="WindowKind.Since"/> window.</summary>
    public string? Anchor { get; }

    /// <summary>Gets the calendar unit of a calendar window.</summary>
    public CalendarUnit Unit { get; }

    /// <summary>
    /// Gets, for <see cref="WindowKind.CalendarPeriod"/>, the period relative to the current one (-1 the previous one);
    /// for <see cref="WindowKind.PastPeriods"/>, how many complete periods before the current one.
    /// </summary>
    public int Periods { get; }

    /// <summary>Returns <c>(t - length, t]</c>: "in the last 7 days".</summary>
    /// <param name="length">The window's length; positive.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not whole seconds from 1 second to 36525 days.</exception>
    public static BehaviorWindow Last(Duration length) => Last(length, Duration.Zero);

    /// <summary>Returns <c>(t - offset - length, t - offset]</c>: the baseline of a change, such as the 30 days before the last 30.</summary>
    /// <param name="length">The window's length; positive.</param>
    /// <param name="offset">How far back from <c>t</c> the window ends; zero or positive.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> or <paramref name="offset"/> is not whole seconds from 1 second (0 for the offset) to 36525 days.</exception>
    public static BehaviorWindow Last(Duration length, Duration offset)
    {
        CheckLength(length, nameof(length));
        if (offset < Duration.Zero || offset > EventTime.MaxSpan || !BehaviorText.IsWholeSeconds(offset))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A window's offset must be whole seconds from zero to 36525 days (a window cannot reach past the as-of instant).");
        }

        return new BehaviorWindow(WindowKind.Last, length: length, offset: offset);
    }

    /// <summary>Returns <c>(from, to]</c>, cut at the as-of instant.</summary>
    /// <param name="from">The exclusive start.</param>
    /// <param name="to">The inclusive end; after <paramref name="from"/>.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static BehaviorWindow Between(Instant from, Instant to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"A window between {from} and {to} is empty; the end must be after the start.", nameof(to));
        }

        return new BehaviorWindow(WindowKind.Between, from: from, to: to);
    }

    /// <summary>Returns the time since the latest <paramref name="anchorEvent"/> at or before <c>t</c>, exclusive of the anchor's instant; undefined when the anchor never happened.</summary>
    /// <param name="anchorEvent">The anchor event's name, such as "renewal_signed".</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentException"><paramref name="anchorEvent"/> is not a valid event name.</exception>
    public static BehaviorWindow Since(string anchorEvent)
    {
        EventNames.ThrowIfInvalid(anchorEvent, nameof(anchorEvent));
        return new BehaviorWindow(WindowKind.Since, anchor: anchorEvent);
    }

    /// <summary>Returns the current calendar period up to <c>t</c>: <c>this week</c>, <c>this month</c>.</summary>
    /// <param name="unit">The calendar unit.</param>
    /// <returns>The window.</returns>
    public static BehaviorWindow This(CalendarUnit unit) => new(WindowKind.CalendarPeriod, unit: CheckUnit(unit), periods: 0);

    /// <summary>Returns one complete calendar period before the current one: <c>week -1</c> is last week.</summary>
    /// <param name="unit">The calendar unit.</param>
    /// <param name="relative">The period relative to the current one; negative.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="relative"/> is not negative (use <see cref="This"/> for 0).</exception>
    public static BehaviorWindow Period(CalendarUnit unit, int relative)
    {
        if (relative >= 0 || relative < -MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(relative), relative, $"A past calendar period is -1 (the previous one) to -{MaxPeriods}; use This for the current one.");
        }

        return new BehaviorWindow(WindowKind.CalendarPeriod, unit: CheckUnit(unit), periods: relative);
    }

    /// <summary>Returns the <paramref name="count"/> complete calendar periods before the current one: <c>past 4 weeks</c>.</summary>
    /// <param name="count">How many periods; 1 or more.</param>
    /// <param name="unit">The calendar unit.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public static BehaviorWindow Past(int count, CalendarUnit unit)
    {
        if (count < 1 || count > MaxPeriods)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The number of periods must be 1 to {MaxPeriods}.");
        }

        return new BehaviorWindow(WindowKind.PastPeriods, unit: CheckUnit(unit), periods: count);
    }

    /// <summary>
    /// Returns the first <paramref name="length"/> after the first event (of the user, inside a per-user predicate;
    /// of the account otherwise), including that event: "in their first 7 days". Undefined until the whole length has passed.
    /// </summary>
    /// <param name="length">The length; positive.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not whole seconds from 1 second to 36525 days.</exception>
    public static BehaviorWindow First(Duration length) => new(WindowKind.First, length: CheckLength(length, nameof(length)));

    /// <summary>The most calendar periods a window may reach back.</summary>
    public const int MaxPeriods = 1000;

    /// <inheritdoc />
    public bool Equals(BehaviorWindow? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BehaviorWindow);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Returns the window's text form, such as <c>last 7d</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    internal void Write(StringBuilder text)
    {
        switch (Kind)
        {
            case WindowKind.Ever:
                text.Append("ever");
                break;
            case WindowKind.Last:
                text.Append("last ").Append(BehaviorText.Duration(Length));
                if (Offset != Duration.Zero)
                {
                    text.Append(" offset ").Append(BehaviorText.Duration(Offset));
                }

                break;
            case WindowKind.Between:
                text.Append("between ").Append(BehaviorText.Instant(From)).Append(" and ").Append(BehaviorText.Instant(To));
                break;
            case WindowKind.Since:
                text.Append("since ").Append(Anchor);
                break;
            case WindowKind.CalendarPeriod when Periods == 0:
                text.Append("this ").Append(UnitName(Unit));
                break;
            case WindowKind.CalendarPeriod:
                text.Append(UnitName(Unit)).Append(' ').Append(Periods.ToString(CultureInfo.InvariantCulture));
                break;
            case WindowKind.PastPeriods:
                text.Append("past ").Append(Periods.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(UnitName(Unit)).Append('s');
                break;
            default:
                text.Append("first ").Append(BehaviorText.Duration(Length));
                break;
        }
    }

    internal static string UnitName(CalendarUnit unit) => unit == CalendarUnit.Week ? "week" : "month";

    private static Duration CheckLength(Duration length, string parameter) =>
        length > Duration.Zero && length <= EventTime.MaxSpan && BehaviorText.IsWholeSeconds(length)
            ? length
            : throw new ArgumentOutOfRangeException(parameter, length, "A window's length must be whole seconds from 1 second to 36525 days.");

    private static CalendarUnit CheckUnit(CalendarUnit unit) => Enum.IsDefined(unit)
        ? unit
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "The calendar unit must be Week or Month.");
}
