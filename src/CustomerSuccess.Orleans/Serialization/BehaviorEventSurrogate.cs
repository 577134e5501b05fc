using CustomerSuccess.Behaviors;
using NodaTime;
using Orleans;

namespace CustomerSuccess.Orleans;

// An event crosses the wire with its instant in nanoseconds since the Unix epoch (UnixNanos).
[GenerateSerializer]
[Alias("cs.behavior-event")]
internal struct BehaviorEventSurrogate
{
    [Id(0)] public string Account;
    [Id(1)] public string Name;
    [Id(2)] public long Nanos;
    [Id(3)] public decimal Value;
    [Id(4)] public string? User;
    [Id(5)] public string? Id;
}

[RegisterConverter]
internal sealed class BehaviorEventConverter : IConverter<BehaviorEvent, BehaviorEventSurrogate>
{
    public BehaviorEvent ConvertFromSurrogate(in BehaviorEventSurrogate s) =>
        new(new AccountId(s.Account), s.Name, UnixNanos.ToInstant(s.Nanos), s.Value, s.User, s.Id);

    public BehaviorEventSurrogate ConvertToSurrogate(in BehaviorEvent value) => new()
    {
        Account = value.Account.Value,
        Name = value.Name,
        Nanos = UnixNanos.Of(value.OccurredAt),
        Value = value.Value,
        User = value.UserId,
        Id = value.Id,
    };
}

// NodaTime's instant as a grain call's argument, in UnixNanos.
[GenerateSerializer]
[Alias("cs.instant")]
internal struct InstantSurrogate
{
    [Id(0)] public long Nanos;
}

[RegisterConverter]
internal sealed class InstantConverter : IConverter<Instant, InstantSurrogate>
{
    public Instant ConvertFromSurrogate(in InstantSurrogate s) => UnixNanos.ToInstant(s.Nanos);

    public InstantSurrogate ConvertToSurrogate(in Instant value) => new() { Nanos = UnixNanos.Of(value) };
}
