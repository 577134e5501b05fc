using CustomerSuccess.Json;

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
        PartialMonths.WritePeriod(writer, From, To, ReportingCurrency);
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
        (int from, int to, Currency currency) = PartialMonths.ReadPeriod(root);
        bool includeNew = root.Property("includeNewAccounts").Boolean();
        JsonAt groupsAt = root.Property("groups");
        string[] groups = new string[PartialMonths.GroupCount(groupsAt)];
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
