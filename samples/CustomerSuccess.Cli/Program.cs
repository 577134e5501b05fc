using System;
using CustomerSuccess.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
