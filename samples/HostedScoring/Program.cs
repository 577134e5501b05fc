using System;
using HostedScoring;
using Microsoft.Extensions.Hosting;

// Scores the demo portfolio and evaluates the CSM rule set on a schedule; appsettings.json holds the health model, the
// rule set, the plan templates and the schedule. A bad setting stops the host at start with a message naming it.
// The content root is the program's folder, where appsettings.json and the templates are copied, so that
// `dotnet run --project samples/HostedScoring` finds them from any working directory.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddPortfolioScoring(builder.Configuration, builder.Environment.ContentRootPath);
using IHost host = builder.Build();
await host.RunAsync();
