using System;
using System.Collections.Generic;

namespace CustomerSuccess.Reporting;

/// <summary>One series of a bar chart: its name (the legend and the table's column) and one value per category.</summary>
/// <param name="Name">The series' name.</param>
/// <param name="Values">One value per category of the chart.</param>
/// <param name="Colour">Its colour, a CSS colour; <see langword="null"/> for the palette's next.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values, string? Colour = null)
{
    /// <summary>
    /// The palette (Okabe and Ito's, which readers with any of the common colour-vision deficiencies tell apart): blue,
    /// orange, bluish green, vermillion, reddish purple, sky blue, yellow.
    /// </summary>
    public static IReadOnlyList<string> Palette { get; } = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"];

    internal string ColourAt(int index) => Colour ?? Palette[index % Palette.Count];

    internal void Check(int categories, string chart, string parameter)
    {
        if (Values.Count != categories)
        {
            throw new ArgumentException($"Chart '{chart}': series '{Name}' has {Values.Count} values for {categories} categories.", parameter);
        }
    }
}
