using System;
using System.IO;

namespace CustomerSuccess.Testing;

/// <summary>Where the repository is, for tests that read its docs, sources and examples.</summary>
public static class Repository
{
    /// <summary>Gets the folder holding CustomerSuccess.Core.sln, found upwards from the test's output folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerSuccess.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CustomerSuccess.Core.sln above {AppContext.BaseDirectory}.");
    }
}
