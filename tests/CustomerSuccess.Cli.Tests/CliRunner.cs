using System;
using System.IO;

namespace CustomerSuccess.Cli.Tests;

/// <summary>Runs the command-line tool in-process with a scratch folder for input files.</summary>
public abstract class CliRunner : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("cs-cli-tests-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    protected string Write(string name, string content)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
