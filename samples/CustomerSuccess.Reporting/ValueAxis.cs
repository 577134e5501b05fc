using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// A chart's vertical axis: from the lowest to the highest value (zero always in range, so bars start from it), in
/// round steps of 1, 2 or 5 times a power of ten, mapped onto the plot's height.
/// </summary>
internal sealed class ValueAxis
{
    private readonly double _top, _bottom, _plotTop, _plotHeight;

    public ValueAxis(double low, double high, double plotTop, double plotHeight, int ticks = 5)
    {
        low = Math.Min(low, 0);
        high = Math.Max(high, 0);
        if (high - low <= 0)
        {
            high = low + 1; // nothing to show: an axis of one unit
        }

        Step = NiceStep((high - low) / ticks);
        _bottom = Math.Floor(low / Step) * Step;
        _top = Math.Ceiling(high / Step) * Step;
        (_plotTop, _plotHeight) = (plotTop, plotHeight);
    }

    public double Step { get; }

    /// <summary>The y coordinate of a value.</summary>
    public double Y(double value) => _plotTop + ((_top - value) / (_top - _bottom) * _plotHeight);

    /// <summary>Draws the grid lines and their labels from x0 to x1.</summary>
    public void Draw(StringBuilder svg, double x0, double x1, Func<double, string> label)
    {
        var values = new List<double>();
        for (double v = _bottom; v <= _top + (Step / 2); v += Step)
        {
            values.Add(Math.Abs(v) < Step / 1e6 ? 0 : v);
        }

        svg.Append("<g class=\"axis\">");
        foreach (double v in values)
        {
            string y = Markup.Number(Y(v));
            svg.Append("<line x1=\"").Append(Markup.Number(x0)).Append("\" x2=\"").Append(Markup.Number(x1)).Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y)
                .Append(v == 0 ? "\" class=\"zero\"/>" : "\"/>");
            svg.Append("<text x=\"").Append(Markup.Number(x0 - 6)).Append("\" y=\"").Append(y).Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                .AppendEscaped(label(v)).Append("</text>");
        }

        svg.Append("</g>\n");
    }

    /// <summary>A short label for an axis value: 1.2M, 350k, 12.</summary>
    public static string Short(double value)
    {
        double a = Math.Abs(value);
        return a >= 1e6 ? (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M"
            : a >= 1e3 ? (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k"
            : value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double unit = rough / power;
        return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
    }
}
