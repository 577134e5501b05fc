using CustomerSuccess.Json;
using NodaTime.Text;

namespace CustomerSuccess.Revenue;

public sealed partial class CohortReport
{
    /// <summary>The name of this partial's JSON form, its <c>"partial"</c> property.</summary>
    public const string JsonKind = "cohort";

    /// <summary>The version of the JSON form <see cref="ToJson"/> writes; <see cref="FromJson"/> reads it and every earlier one.</summary>
    public const int JsonVersion = 1;

    /// <summary>
    /// Writes the report as JSON (docs/scale.md gives the form), so that a report built on one node merges into one built
    /// on another: <c>FromJson(a.ToJson()).Merge(FromJson(b.ToJson()))</c> is <c>a.Merge(b)</c>, every amount exactly.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PartialJson.Write(JsonKind, JsonVersion, writer =>
    {
        writer.WriteString("from", YearMonthPattern.Iso.Format(From));
        writer.WriteString("to", YearMonthPattern.Iso.Format(To));
        writer.WriteString("currency", ReportingCurrency.Code);
        writer.WriteBoolean("includeNewAccounts", _includeNewAccounts);
        writer.WriteStartArray("groups");
        for (int g = 0; g < _groups.Length; g++)
        {
            writer.WriteStartObject();
            writer.WriteString("group", _groups[g]);
            _sums[g].Write(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads a report that <see cref="ToJson"/> wrote, on this node or another.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="CustomerSuccessValidationException">
    /// The text is not a cohort report's JSON of a version this build reads; the message and
    /// <see cref="CustomerSuccessValidationException.JsonPath"/> name where.
    /// </exception>
    public static CohortReport FromJson(string json) => PartialJson.Read(json, JsonKind, JsonVersion, root =>
    {
        int from = MonthIndex.Of(PartialMonths.Read(root.Property("from")));
        JsonAt toAt = root.Property("to");
        int to = MonthIndex.Of(PartialMonths.Read(toAt));
        if (to <= from)
        {
            throw toAt.Fault("is not after 'from'");
        }

        Currency currency = PartialMonths.ReadCurrency(root.Property("currency"));
        bool includeNew = root.Property("includeNewAccounts").Boolean();
        JsonAt groupsAt = root.Property("groups");
        if (groupsAt.Count == 0)
        {
            throw groupsAt.Fault("is empty; a report has at least one group");
        }

        string[] groups = new string[groupsAt.Count];
        var sums = new CohortSums[groups.Length];
        int g = 0;
        foreach (JsonAt group in groupsAt.Items())
        {
            groups[g] = PartialMonths.ReadGroup(group.Property("group"), g == 0 ? null : groups[g - 1]);
            sums[g] = CohortSums.Read(group);
            g++;
        }

        return new CohortReport(from, to, currency, includeNew, groups, sums);
    });
}
