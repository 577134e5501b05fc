using System;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace CustomerSuccess.Orleans.Tests;

/// <summary>
/// A cluster of three silos in this process (Orleans' in-process test cluster: real silos, real membership, in-memory
/// transport), each with the CustomerSuccess grains, the demo's rules, memory grain storage and memory streams.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int Silos = 3;

    /// <summary>A one-signal model the account grains score with: logins in the last 30 days, 0 to 20.</summary>
    public static readonly HealthModel LoginModel = HealthModel.CreateBuilder("logins")
        .AddSignal(new HealthSignalDefinition(new SignalId("logins_30d"), Curve.Linear(0, 20)))
        .Build();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public static InProcessTestCluster Build(int silos, Action<CustomerSuccessClusterOptions>? change = null, bool jsonStorage = false, Action<ISiloBuilder>? more = null, bool accountStateStore = false)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            // Orleans' own binary serializer for the grain state (the memory provider's default is JSON, which costs more
            // than the evaluation here); AccountGrainJsonStorageTests keeps the state with the provider's JSON default too.
            if (accountStateStore)
            {
                // the grains' state in the silo's IAccountStateStore (UseAccountStateStore below; `more` adds the store)
            }
            else if (jsonStorage)
            {
                silo.AddMemoryGrainStorage(CustomerSuccessCluster.StorageName);
            }
            else
            {
                silo.AddMemoryGrainStorage(CustomerSuccessCluster.StorageName, options => options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            }
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryStreams(CustomerSuccessCluster.StreamProviderName);
            CustomerSuccessSiloBuilder customerSuccess = silo.AddCustomerSuccess(o =>
            {
                o.Rules = DemoRules.Text;
                o.EvaluateOnEvent = false; // the clock evaluates, once a day, as the batch command does
                o.Health = events => HealthScorer.Create(LoginModel,
                [
                    BehaviorSignals.Aggregate<AccountId>(new SignalId("logins_30d"), events, BehaviorAggregate.Count("login", BehaviorWindow.Last(Duration.FromDays(30))), a => a, SignalTiming.Leading),
                ]);
                change?.Invoke(o);
            }).AddPortfolioSource<GatedDemoSource>();
            if (accountStateStore)
            {
                customerSuccess.UseAccountStateStore();
            }

            more?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(CustomerSuccessCluster.StreamProviderName));
        return builder.Build();
    }

    public async Task InitializeAsync()
    {
        Cluster = Build(Silos);
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ThreeSilos : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three silos";
}
