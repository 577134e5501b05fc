using System;
using CustomerSuccess.Cli;

// Progress is drawn on standard error only when it is a terminal: pipes and CI logs get the report and the errors alone.
return CliApp.Run(args, Console.Out, Console.Error, Console.IsErrorRedirected ? null : Console.Error, TimeProvider.System);
