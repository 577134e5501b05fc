using HostedScoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Scores the demo portfolio and evaluates the CSM rule set on a schedule; appsettings.json holds the health model, the
// rule set, the plan templates and the schedule. A bad setting stops the host at start with a message naming it.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Services.AddPortfolioScoring(builder.Configuration, builder.Environment.ContentRootPath);
using IHost host = builder.Build();
await host.RunAsync();
