using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>A part of a report section: a chart with its data table, or a table alone.</summary>
public abstract class ReportBlock
{
    /// <summary>Writes the block's HTML.</summary>
    /// <param name="html">Where to write.</param>
    /// <param name="id">An id unique in the page, for the chart's title and description (what a screen reader announces).</param>
    internal abstract void Render(StringBuilder html, string id);
}
