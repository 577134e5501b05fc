using System;
using System.Globalization;
using System.Text.Json;
using CustomerSuccess.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Revenue;

public sealed partial class MrrMovementReport
{
    /// <summary>The name of this partial's JSON form, its <c>"partial"</c> property.</summary>
    public const string JsonKind = "mrr-movements";

    /// <summary>The version of the JSON form <see cref="ToJson"/> writes; <see cref="FromJson"/> reads it and every earlier one.</summary>
    public const int JsonVersion = 1;

    /// <summary>
    /// Writes the report as JSON (docs/scale.md gives the form), so that a report built on one node merges into one built
    /// on another: <c>FromJson(a.ToJson()).Merge(FromJson(b.ToJson()))</c> is <c>a.Merge(b)</c>, every amount exactly.
    /// The same report always writes the same text.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PartialJson.Write(JsonKind, JsonVersion, writer =>
    {
        PartialMonths.WritePeriod(writer, From, To, ReportingCurrency);
        writer.WriteBoolean("nrrIncludesReactivation", _nrrIncludesReactivation);
        writer.WriteStartArray("groups");
        for (int g = 0; g < _groups.Length; g++)
        {
            writer.WriteStartObject();
            writer.WriteString("group", _groups[g]);
            writer.WriteStartArray("months");
            for (int m = 0; m < _monthCount; m++)
            {
                writer.WriteStartObject();
                writer.WriteString("month", YearMonthPattern.Iso.Format(Months[m]));
                _sums[(g * _monthCount) + m].Write(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads a report that <see cref="ToJson"/> wrote, on this node or another.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="CustomerSuccessValidationException">
    /// The text is not a movement report's JSON, of a version this build reads, with one figure per group and month; the
    /// message and <see cref="CustomerSuccessValidationException.JsonPath"/> name where.
    /// </exception>
    public static MrrMovementReport FromJson(string json) => PartialJson.Read(json, JsonKind, JsonVersion, root =>
    {
        (int from, int to, Currency currency) = PartialMonths.ReadPeriod(root);
        bool reactivation = root.Property("nrrIncludesReactivation").Boolean();
        JsonAt groupsAt = root.Property("groups");
        string[] groups = new string[PartialMonths.GroupCount(groupsAt)];

        int months = to - from;
        var sums = new MrrFigureSums[checked(groups.Length * months)];
        int g = 0;
        foreach (JsonAt group in groupsAt.Items())
        {
            groups[g] = PartialMonths.ReadGroup(group.Property("group"), g == 0 ? null : groups[g - 1]);
            JsonAt monthsAt = group.Property("months");
            if (monthsAt.Count != months)
            {
                throw monthsAt.Fault(string.Create(CultureInfo.InvariantCulture, $"has {monthsAt.Count} months; the report's period has {months}"));
            }

            int m = 0;
            foreach (JsonAt month in monthsAt.Items())
            {
                JsonAt monthAt = month.Property("month");
                if (MonthIndex.Of(PartialMonths.Read(monthAt)) != from + 1 + m)
                {
                    throw monthAt.Fault(string.Create(CultureInfo.InvariantCulture, $"is not {MonthIndex.ToMonth(from + 1 + m):uuuu'-'MM}, the report's month {m + 1}"));
                }

                sums[(g * months) + m] = MrrFigureSums.Read(month);
                m++;
            }

            g++;
        }

        return new MrrMovementReport(from, to, currency, reactivation, groups, sums);
    });
}

/// <summary>Months, currencies and group names in the partials' JSON forms.</summary>
internal static class PartialMonths
{
    public static void WritePeriod(Utf8JsonWriter writer, YearMonth from, YearMonth to, Currency currency)
    {
        writer.WriteString("from", YearMonthPattern.Iso.Format(from));
        writer.WriteString("to", YearMonthPattern.Iso.Format(to));
        writer.WriteString("currency", currency.Code);
    }

    /// <summary>A report's months (as indexes) and currency: <c>from</c> before <c>to</c>.</summary>
    public static (int From, int To, Currency Currency) ReadPeriod(JsonAt root)
    {
        int from = MonthIndex.Of(Read(root.Property("from")));
        JsonAt toAt = root.Property("to");
        int to = MonthIndex.Of(Read(toAt));
        return to > from ? (from, to, ReadCurrency(root.Property("currency"))) : throw toAt.Fault("is not after 'from'");
    }

    /// <summary>The number of groups of a report, at least one.</summary>
    public static int GroupCount(JsonAt groups) => groups.Count > 0 ? groups.Count : throw groups.Fault("is empty; a report has at least one group");

    public static YearMonth Read(JsonAt at)
    {
        ParseResult<YearMonth> month = YearMonthPattern.Iso.Parse(at.String());
        return month.Success ? month.Value : throw at.Fault("is not a month such as 2025-03");
    }

    public static Currency ReadCurrency(JsonAt at) =>
        Currency.TryParse(at.String(), out Currency currency) ? currency : throw at.Fault("is not an ISO 4217 currency code");

    // Groups are kept in ordinal order (merging finds them by binary search): a form out of that order was not written by ToJson.
    public static string ReadGroup(JsonAt at, string? previous)
    {
        string group = at.String();
        return previous is null || string.CompareOrdinal(previous, group) < 0
            ? group
            : throw at.Fault($"'{Quoted.Short(group)}' does not come after '{Quoted.Short(previous)}' in ordinal order (groups are distinct and sorted)");
    }
}
