using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerSuccess.Json;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// Reads and writes plans and templates as JSON: camelCase names, enums by name, dates as ISO <c>yyyy-MM-dd</c> (the form
/// NodaTime's converters write). Source-generated, so it works trimmed and AOT-compiled. Malformed input fails with a
/// <see cref="CustomerSuccessValidationException"/> whose <see cref="CustomerSuccessValidationException.JsonPath"/> points at the fault.
/// </summary>
public static class SuccessPlanJson
{
    private static readonly SuccessPlanJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // Enums by name only: a number such as -1 is not a status (JsonStringEnumConverter takes integers unless told not to).
        Converters =
        {
            IsoDateConverters.LocalDate, IsoDateConverters.Instant, new JsonStringEnumConverter<PlanStatus>(null, false),
            new JsonStringEnumConverter<MetricDirection>(null, false), new JsonStringEnumConverter<MilestoneKind>(null, false),
            new JsonStringEnumConverter<PlanParty>(null, false), new JsonStringEnumConverter<PlanRoleKind>(null, false), new JsonStringEnumConverter<NextPhaseKind>(null, false),
        },
    });

    /// <summary>Writes a plan as JSON.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(SuccessPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(ToDocument(plan), Context.PlanDocument);
    }

    /// <summary>Reads a plan from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CustomerSuccessValidationException">The JSON is malformed or not a valid plan; the path and message name the fault.</exception>
    public static SuccessPlan Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonFaults.Read(json, () => FromDocument(Read(json, Context.PlanDocument)));
    }

    /// <summary>Writes a template as JSON.</summary>
    /// <param name="template">The template.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeTemplate(PlanTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return JsonSerializer.Serialize(ToDocument(template), Context.TemplateDocument);
    }

    /// <summary>Reads a template from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The template.</returns>
    /// <exception cref="CustomerSuccessValidationException">The JSON is malformed or not a valid template; the path and message name the fault.</exception>
    public static PlanTemplate DeserializeTemplate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonFaults.Read(json, () => ReadTemplate(json));
    }

    private static PlanTemplate ReadTemplate(string json)
    {
        TemplateDocument d = Read(json, Context.TemplateDocument);
        string name = Required(d.Name, "$.name");
        var metrics = Each(d.Metrics, "$.metrics", (m, at) => new TemplateMetric(
            Required(m.Name, at + ".name"), m.Unit ?? string.Empty, Required(m.Direction, at + ".direction"), m.HowMeasured ?? string.Empty, m.Source ?? string.Empty,
            Required(m.TargetChange, at + ".targetChange"), Required(m.TargetAfterDays, at + ".targetAfterDays")));
        var milestones = Each(d.Milestones, "$.milestones", (m, at) => new TemplateMilestone(Required(m.Name, at + ".name"), Required(m.Kind, at + ".kind"), Required(m.DueAfterDays, at + ".dueAfterDays"), m.OwnerRole));
        var roles = Each(d.Roles, "$.roles", (r, at) => new TemplateRole(Required(r.Party, at + ".party"), Required(r.Kind, at + ".kind"), r.Responsibility ?? string.Empty));
        return Guard("$", () => new PlanTemplate(name, d.Segment ?? string.Empty, d.Purpose ?? string.Empty, metrics, milestones, roles, NextPhaseOf(d.NextPhase)));
    }

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            DuplicateKeys.Reject(json);
            return JsonSerializer.Deserialize(json, type) ?? throw new JsonException("The JSON is null.", "$", null, null);
        }
        catch (Exception e) when (e is NodaTime.Utility.InvalidNodaDataException or FormatException or InvalidOperationException)
        {
            throw new JsonException($"The JSON has a malformed value: {e.Message}", null, null, null, e);
        }
    }

    private static PlanDocument ToDocument(SuccessPlan plan) => new()
    {
        Id = plan.Id,
        Account = plan.Account.Value,
        Purpose = plan.Purpose,
        Bullseye = plan.Bullseye is { } b ? new BullseyeDocument { PrimaryBusinessObjective = b.PrimaryBusinessObjective, KeyProcesses = b.KeyProcesses.ToList() } : null,
        Metrics = plan.Metrics.Select(m => new MetricDocument
        {
            Name = m.Name, Unit = m.Unit, Direction = m.Direction, HowMeasured = m.HowMeasured, Source = m.Source,
            Baseline = m.Baseline, BaselineDate = m.BaselineDate, Target = m.Target, TargetDate = m.TargetDate,
        }).ToList(),
        Milestones = plan.Milestones.Select(m => new MilestoneDocument { Name = m.Name, Kind = m.Kind, Due = m.Due, Completed = m.Completed, Owner = m.Owner }).ToList(),
        Roles = plan.Roles.Select(r => new RoleDocument { Party = r.Party, Kind = r.Kind, Person = r.Person, Responsibility = r.Responsibility, UnavailableUntil = r.UnavailableUntil }).ToList(),
        NextPhase = plan.NextPhase is { } n ? new NextPhaseDocument { Description = n.Description, Kind = n.Kind } : null,
        Status = plan.Status,
        SignedOn = plan.SignedOn,
        MeasuresAgreedOn = plan.MeasuresAgreedOn,
        StatusChangedOn = plan.StatusChangedOn,
        StatusReason = plan.StatusReason,
        PredecessorId = plan.PredecessorId,
        Segment = plan.Segment,
        CreatedAt = plan.CreatedAt,
        UpdatedAt = plan.UpdatedAt,
    };

    private static TemplateDocument ToDocument(PlanTemplate template) => new()
    {
        Name = template.Name,
        Segment = template.Segment,
        Purpose = template.Purpose,
        Metrics = template.Metrics.Select(m => new TemplateMetricDocument
        {
            Name = m.Name, Unit = m.Unit, Direction = m.Direction, HowMeasured = m.HowMeasured, Source = m.Source, TargetChange = m.TargetChange, TargetAfterDays = m.TargetAfterDays,
        }).ToList(),
        Milestones = template.Milestones.Select(m => new TemplateMilestoneDocument { Name = m.Name, Kind = m.Kind, DueAfterDays = m.DueAfterDays, OwnerRole = m.OwnerRole }).ToList(),
        Roles = template.Roles.Select(r => new TemplateRoleDocument { Party = r.Party, Kind = r.Kind, Responsibility = r.Responsibility }).ToList(),
        NextPhase = template.NextPhase is { } n ? new NextPhaseDocument { Description = n.Description, Kind = n.Kind } : null,
    };

    private static SuccessPlan FromDocument(PlanDocument d)
    {
        string id = Required(d.Id, "$.id");
        string accountText = Required(d.Account, "$.account");
        if (!AccountId.TryParse(accountText, out AccountId account))
        {
            throw Error("$.account", $"'{accountText}' is not a valid account id");
        }

        SuccessPlan.Builder plan = SuccessPlan.CreateBuilder(id, account);
        plan.Purpose = d.Purpose ?? string.Empty;
        plan.Bullseye = d.Bullseye is { } b ? new CustomerBullseye(b.PrimaryBusinessObjective ?? string.Empty, b.KeyProcesses ?? []) : null;
        plan.NextPhase = NextPhaseOf(d.NextPhase);
        plan.Status = Required(d.Status, "$.status");
        plan.SignedOn = d.SignedOn;
        plan.MeasuresAgreedOn = d.MeasuresAgreedOn;
        plan.StatusChangedOn = d.StatusChangedOn;
        plan.StatusReason = d.StatusReason;
        plan.PredecessorId = d.PredecessorId;
        plan.Segment = d.Segment;
        plan.CreatedAt = d.CreatedAt;
        plan.UpdatedAt = d.UpdatedAt;
        plan.AddMetrics(Each(d.Metrics, "$.metrics", (m, at) => Guard(at, () => new PlanMetric(
            Required(m.Name, at + ".name"), m.Unit ?? string.Empty, Required(m.Direction, at + ".direction"), m.HowMeasured ?? string.Empty, m.Source ?? string.Empty,
            Required(m.Baseline, at + ".baseline"), Required(m.BaselineDate, at + ".baselineDate"), m.Target, m.TargetDate))));
        plan.AddMilestones(Each(d.Milestones, "$.milestones", (m, at) => new Milestone(Required(m.Name, at + ".name"), Required(m.Kind, at + ".kind"), m.Due, m.Completed, m.Owner)));
        plan.AddRoles(Each(d.Roles, "$.roles", (r, at) => new PlanRole(
            Required(r.Party, at + ".party"), Required(r.Kind, at + ".kind"), Required(r.Person, at + ".person"), r.Responsibility ?? string.Empty, r.UnavailableUntil)));
        return Guard("$", plan.Build);
    }

    private static NextPhase? NextPhaseOf(NextPhaseDocument? d) =>
        d is null ? null : new NextPhase(Required(d.Description, "$.nextPhase.description"), Required(d.Kind, "$.nextPhase.kind"));

    private static List<TResult> Each<TItem, TResult>(List<TItem>? items, string path, Func<TItem, string, TResult> convert)
    {
        var results = new List<TResult>();
        for (int i = 0; i < (items?.Count ?? 0); i++)
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            results.Add(convert(items![i] ?? throw Error(at, "is null"), at));
        }

        return results;
    }

    private static string Required(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? throw Error(path, "is required") : value;

    private static T Required<T>(T? value, string path)
        where T : struct => value ?? throw Error(path, "is required");

    private static T Guard<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw Error(path, ArgumentProblem.Of(e).TrimEnd('.'));
        }
    }

    private static JsonException Error(string path, string problem) => new($"{path}: {problem}.", path, null, null);
}

[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(TemplateDocument))]
internal sealed partial class SuccessPlanJsonContext : JsonSerializerContext;
