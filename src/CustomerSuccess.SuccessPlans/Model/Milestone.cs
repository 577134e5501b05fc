using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>A point on the plan's timeline (Client Velocity, element 4).</summary>
public sealed record Milestone
{
    /// <summary>Initializes a new <see cref="Milestone"/>.</summary>
    /// <param name="name">The milestone's name, such as "Go-live".</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="due">When it is due, or <see langword="null"/> when not yet agreed.</param>
    /// <param name="completed">When it was completed, or <see langword="null"/>.</param>
    /// <param name="owner">Who owns it.</param>
    public Milestone(string name, MilestoneKind kind, LocalDate? due, LocalDate? completed = null, string? owner = null)
    {
        Name = name;
        Kind = kind;
        Due = due;
        Completed = completed;
        Owner = owner;
    }

    /// <summary>Gets the milestone's name, such as "Go-live".</summary>
    public string Name { get; init; }

    /// <summary>Gets its kind.</summary>
    public MilestoneKind Kind { get; init; }

    /// <summary>Gets when it is due, or <see langword="null"/> when not yet agreed.</summary>
    public LocalDate? Due { get; init; }

    /// <summary>Gets when it was completed, or <see langword="null"/>.</summary>
    public LocalDate? Completed { get; init; }

    /// <summary>Gets who owns it.</summary>
    public string? Owner { get; init; }
}
