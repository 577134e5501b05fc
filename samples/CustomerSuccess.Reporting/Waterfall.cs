using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// A bridge from an opening total to a closing one: each step a floating bar up (an increase) or down (a decrease) from
/// where the one before ended. The steps must add up: a waterfall whose steps do not reach its closing total is refused
/// rather than drawn.
/// </summary>
public sealed class Waterfall : ReportBlock
{
    private const double Width = 720, Height = 300, Left = 64, Right = 12, Top = 16, Bottom = 40;
    private const string Up = "#009E73", Down = "#D55E00", Total = "#0072B2";

    /// <summary>Creates a waterfall.</summary>
    /// <param name="title">What it shows.</param>
    /// <param name="description">How to read it.</param>
    /// <param name="opening">The opening total's label and amount; <see langword="null"/> for a bridge of changes alone, from zero (when the totals would dwarf the steps).</param>
    /// <param name="steps">The steps, each a label and a signed amount (a decrease negative).</param>
    /// <param name="closing">The closing total's label and amount.</param>
    /// <param name="format">How the table writes an amount.</param>
    /// <exception cref="ArgumentException">The opening and the steps do not add up to the closing total.</exception>
    public Waterfall(string title, string description, (string Label, decimal Amount)? opening, IReadOnlyList<(string Label, decimal Amount)> steps, (string Label, decimal Amount) closing, Func<decimal, string> format)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(format);
        decimal start = opening?.Amount ?? 0, reached = start + steps.Sum(s => s.Amount);
        if (reached != closing.Amount)
        {
            throw new ArgumentException($"Waterfall '{title}': {format(start)} and its steps reach {format(reached)}, not the closing {format(closing.Amount)}.", nameof(steps));
        }

        (Title, Description, Opening, Closing, Format) = (title, description, opening, closing, format);
        Steps = [.. steps];
    }

    /// <summary>Gets what the waterfall shows.</summary>
    public string Title { get; }

    /// <summary>Gets how to read it.</summary>
    public string Description { get; }

    /// <summary>Gets the opening total; <see langword="null"/> when the steps start from zero.</summary>
    public (string Label, decimal Amount)? Opening { get; }

    /// <summary>Gets the steps.</summary>
    public IReadOnlyList<(string Label, decimal Amount)> Steps { get; }

    /// <summary>Gets the closing total.</summary>
    public (string Label, decimal Amount) Closing { get; }

    /// <summary>Gets how the table writes an amount.</summary>
    public Func<decimal, string> Format { get; }

    /// <summary>The waterfall's numbers: one row per bar.</summary>
    public DataTable Table() => new(Title, ["Step", "Amount"],
        [.. Opening is { } o ? [(IReadOnlyList<string>)[o.Label, Format(o.Amount)]] : Array.Empty<IReadOnlyList<string>>(),
            .. Steps.Select(s => (IReadOnlyList<string>)[s.Label, Format(s.Amount)]), [Closing.Label, Format(Closing.Amount)]]);

    internal override void Render(StringBuilder html, string id)
    {
        decimal start = Opening?.Amount ?? 0;
        var levels = new List<decimal> { 0, start };
        decimal running = start;
        foreach ((string _, decimal amount) in Steps)
        {
            levels.Add(running += amount);
        }

        var axis = new ValueAxis((double)levels.Min(), (double)levels.Max(), Top, Height - Top - Bottom);
        int first = Opening is null ? 0 : 1, bars = Steps.Count + first + 1;
        double band = (Width - Left - Right) / bars, bar = band * 0.7;
        string[] labels = [.. Opening is { } opening ? [opening.Label] : Array.Empty<string>(), .. Steps.Select(s => s.Label), Closing.Label];
        double drop = Svg.LabelDrop(labels, band);
        Svg.Figure(html, Title);
        Svg.Open(html, id, Width, Height + drop, Title, Description);
        axis.Draw(html, Left, Width - Right, ValueAxis.Short);
        running = start;
        if (Opening is { } o)
        {
            Bar(html, axis, 0, band, bar, 0, o.Amount, Total, o.Label, o.Amount, drop > 0);
        }

        for (int i = 0; i < Steps.Count; i++)
        {
            (string label, decimal amount) = Steps[i];
            Bar(html, axis, i + first, band, bar, running, running + amount, amount >= 0 ? Up : Down, label, amount, drop > 0);
            running += amount;
        }

        Bar(html, axis, bars - 1, band, bar, 0, Closing.Amount, Total, Closing.Label, Closing.Amount, drop > 0);
        html.Append("</svg>\n");
        Table().Render(html, id + "-data");
        html.Append("</figure>\n");
    }

    private void Bar(StringBuilder html, ValueAxis axis, int index, double band, double bar, decimal from, decimal to, string colour, string label, decimal amount, bool turned)
    {
        double x = Left + (index * band) + ((band - bar) / 2);
        double y = axis.Y((double)Math.Max(from, to)), h = Math.Max(1, Math.Abs(axis.Y((double)from) - axis.Y((double)to)));
        html.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"").Append(Markup.Number(bar))
            .Append("\" height=\"").Append(Markup.Number(h)).Append("\" fill=\"").Append(colour).Append("\"><title>").AppendEscaped(label).Append(": ")
            .AppendEscaped(Format(amount)).Append("</title></rect>");
        Svg.CategoryLabel(html, x + (bar / 2), Height - Bottom + 16, label, turned);
        html.Append('\n');
    }
}
