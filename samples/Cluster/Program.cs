using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Cluster;
using CustomerSuccess;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans;
using Orleans.Hosting;

// Usage: Cluster [--silos 1,2,3] [--days 14] [--rate 0] [--concurrency 64]
//   --silos        the silo counts to measure, each a fresh cluster of that many silos in this process
//   --days         how many of the demo's last days of events to stream through the account grains
//   --rate         events per second to offer (0: as fast as the cluster takes them)
//   --concurrency  events in flight at once
var options = Options.Parse(args);
CultureInfo c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"Loading the demo company ({DemoPortfolio.Events.Count:N0} events of {DemoPortfolio.Portfolio.Accounts.Count:N0} accounts, {Environment.ProcessorCount} cores)..."));
Instant end = DemoFacts.AsOf;
Instant from = end - Duration.FromDays(options.Days);
BehaviorEvent[] stream = [.. DemoPortfolio.Events.Where(e => e.OccurredAt > from).OrderBy(e => e.OccurredAt).ThenBy(e => e.Account)];
Console.WriteLine(string.Create(c, $"Streaming the last {options.Days} days: {stream.Length:N0} events, one a call, {options.Concurrency} in flight, {(options.Rate == 0 ? "as fast as taken" : options.Rate.ToString("N0", c) + " offered a second")}."));
Console.WriteLine();
Console.WriteLine($"{"Silos",5} {"Events",9} {"Seconds",8} {"Events/s",9} {"Alerts",7} {"p50 ms",7} {"p99 ms",7} {"Alert p50",10} {"Alert p99",10} {"Job s",7} {"Kept",8} {"B/kept",7}");
foreach (int silos in options.Silos)
{
    await using var cluster = await LocalCluster.StartAsync(silos);
    IClusterClient client = cluster.Client;

    long heapBefore = GC.GetTotalMemory(forceFullCollection: true);

    // Facts first (the rules read them), then the events in time order, each its own call: what a webhook feed does.
    await Task.WhenAll(DemoPortfolio.RuleFacts.GroupBy(f => f.Account).Select(g =>
        client.GetGrain<IAccountGrain>(g.Key.Value).RecordFactsAsync(g.ToDictionary(f => f.Fact, f => f.Value))));
    var latencies = new double[stream.Length];
    var alertLatencies = new ConcurrentBag<double>();
    int alerts = 0;
    using var inFlight = new SemaphoreSlim(options.Concurrency);
    var clock = Stopwatch.StartNew();
    var calls = new List<Task>(stream.Length);
    for (int i = 0; i < stream.Length; i++)
    {
        if (options.Rate > 0 && clock.Elapsed.TotalSeconds < i / (double)options.Rate)
        {
            await Task.Delay(TimeSpan.FromSeconds((i / (double)options.Rate) - clock.Elapsed.TotalSeconds));
        }

        await inFlight.WaitAsync();
        int index = i;
        calls.Add(Task.Run(async () =>
        {
            try
            {
                long start = Stopwatch.GetTimestamp();
                IReadOnlyList<AccountAlert> raised = await client.GetGrain<IAccountGrain>(stream[index].Account.Value).RecordEventsAsync([stream[index]]);
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                latencies[index] = ms;
                if (raised.Count > 0)
                {
                    Interlocked.Add(ref alerts, raised.Count);
                    alertLatencies.Add(ms);
                }
            }
            finally
            {
                inFlight.Release();
            }
        }));
    }

    await Task.WhenAll(calls);
    double seconds = clock.Elapsed.TotalSeconds;

    // What the grains hold: the events kept (within the rules' lookback) and the heap they added, all silos being in this
    // process, per event kept (the grains' state, their cached evaluators and Orleans' activations).
    AccountStatus[] statuses = await Task.WhenAll(DemoPortfolio.Portfolio.Accounts.Select(a => client.GetGrain<IAccountGrain>(a.Id.Value).GetStatusAsync()));
    long kept = statuses.Sum(s => (long)s.EventsKept);
    long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
    PortfolioResult job = await new PortfolioJob(client, new PortfolioJobOptions { Shards = 4 * silos }).RunAsync(DemoPortfolio.Request);
    double[] alertMs = [.. alertLatencies];
    Console.WriteLine(string.Create(c,
        $"{silos,5} {stream.Length,9:N0} {seconds,8:F1} {stream.Length / seconds,9:N0} {alerts,7:N0} {Percentile(latencies, 0.50),7:F2} {Percentile(latencies, 0.99),7:F2} {Percentile(alertMs, 0.50),10:F2} {Percentile(alertMs, 0.99),10:F2} {job.Elapsed.TotalSeconds,7:F2} {kept,8:N0} {(heapAfter - heapBefore) / (double)Math.Max(1, kept),7:N0}"));
}

Console.WriteLine();
Console.WriteLine("Latency is from sending an event to the grain's reply with the alerts it raised (evaluated as of that event);");
Console.WriteLine("'Alert' columns are the calls that raised one. 'Job s' is the portfolio job over the whole demo (4 shards a silo).");
Console.WriteLine("'Kept' is the events the grains hold after the stream; 'B/kept' the heap they added per event kept.");

static double Percentile(double[] values, double p)
{
    if (values.Length == 0)
    {
        return double.NaN;
    }

    double[] sorted = [.. values.Order()];
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>The command line.</summary>
internal sealed record Options(int[] Silos, int Days, int Rate, int Concurrency)
{
    public static Options Parse(string[] args)
    {
        var o = new Options([1, 2, 3], 14, 0, 64);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            o = args[i] switch
            {
                "--silos" => o with { Silos = [.. args[i + 1].Split(',').Select(s => Positive(s, "--silos"))] },
                "--days" => o with { Days = Math.Min(Positive(args[i + 1], "--days"), DemoEvents.Days) },
                "--rate" => o with { Rate = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--concurrency" => o with { Concurrency = Positive(args[i + 1], "--concurrency") },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'; see the usage at the top of Program.cs."),
            };
        }

        return o;
    }

    private static int Positive(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException($"{option} takes positive whole numbers, not '{text}'.");
}

/// <summary>N silos as N generic hosts in this process, clustered over TCP on localhost, and a client.</summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<IHost> _hosts;

    private LocalCluster(List<IHost> hosts, IClusterClient client)
    {
        _hosts = hosts;
        Client = client;
    }

    public IClusterClient Client { get; }

    public static async Task<LocalCluster> StartAsync(int silos)
    {
        string clusterId = "cs-" + Guid.NewGuid().ToString("N")[..8];
        int[] siloPorts = [.. Enumerable.Range(0, silos).Select(_ => FreePort())];
        int[] gatewayPorts = [.. Enumerable.Range(0, silos).Select(_ => FreePort())];
        var hosts = new List<IHost>();
        for (int i = 0; i < silos; i++)
        {
            int index = i;
            HostApplicationBuilder builder = Host.CreateApplicationBuilder();
            Quiet(builder.Logging);
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPorts[index], gatewayPorts[index], new IPEndPoint(IPAddress.Loopback, siloPorts[0]), "customer-success", clusterId);
                silo.AddMemoryGrainStorage(CustomerSuccessCluster.StorageName);
                silo.AddMemoryGrainStorage("PubSubStore");
                silo.AddMemoryStreams(CustomerSuccessCluster.StreamProviderName);
                silo.AddCustomerSuccess(o => o.Rules = DemoRules.Text).AddPortfolioSource<DemoPortfolioSource>();
            });
            IHost host = builder.Build();
            await host.StartAsync();
            hosts.Add(host);
        }

        HostApplicationBuilder clientBuilder = Host.CreateApplicationBuilder();
        Quiet(clientBuilder.Logging);
        clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPorts, "customer-success", clusterId));
        IHost clientHost = clientBuilder.Build();
        await clientHost.StartAsync();
        hosts.Add(clientHost);
        return new LocalCluster(hosts, clientHost.Services.GetRequiredService<IClusterClient>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IHost host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    // Warnings and worse, on stderr: stdout is the table.
    private static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
