using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CustomerSuccess.Samples.Tests;

/// <summary>
/// Every C# example of the pages a new user pastes from compiles as it stands, with its own using lines: each is compiled as
/// a program of top-level statements against the packages, so a renamed member or a missing using fails here, not for a reader.
/// </summary>
public partial class DocsExamplesTests
{
    private static readonly string[] Pages = ["getting-started.md", "README.md", "revenue.md", "storage.md", "scale.md"];

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (string page in Pages)
        {
            for (int i = 0; i < Blocks(page).Count; i++)
            {
                data.Add(page, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_CompilesAsPasted(string page, int index)
    {
        string code = Blocks(page)[index];
        CSharpCompilation compilation = CSharpCompilation.Create(
            $"{page}-{index}",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        Diagnostic[] errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(emitted.Success && errors.Length == 0, $"{page}, example {index + 1}:\n{string.Join("\n", errors.Select(e => e.ToString()))}\n---\n{code}");

        // An example that says what it prints ("// prints: ...", one comment per line of output) is run, and must print that.
        string[] promised = Prints().Matches(code).Select(m => m.Groups["line"].Value.TrimEnd()).ToArray();
        if (promised.Length > 0)
        {
            Assert.Equal(string.Join("\n", promised), string.Join("\n", Run(image.ToArray())));
        }
    }

    private static string[] Run(byte[] image)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("docs-example", isCollectible: true);
        TextWriter console = Console.Out;
        using var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            System.Reflection.MethodInfo main = context.LoadFromStream(new MemoryStream(image)).EntryPoint!;
            main.Invoke(null, main.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(console);
            context.Unload();
        }

        return output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void Pages_HaveExamples()
    {
        Assert.True(Blocks("getting-started.md").Count >= 5);
        Assert.NotEmpty(Blocks("README.md"));
    }

    private static List<string> Blocks(string page) =>
        CSharpBlock().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", page))).Select(m => m.Groups["code"].Value).ToList();

    // The framework the tests run on and every assembly beside them (the packages and their dependencies).
    private static IEnumerable<MetadataReference> References()
    {
        string[] framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        IEnumerable<string> local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("CustomerSuccess.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("NodaTime", StringComparison.Ordinal)
                || Path.GetFileName(f).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Orleans.", StringComparison.Ordinal));
        return framework.Concat(local).DistinctBy(Path.GetFileName).Select(f => MetadataReference.CreateFromFile(f));
    }

    [GeneratedRegex(@"^\s*// prints: (?<line>.*)$", RegexOptions.Multiline)]
    private static partial Regex Prints();

    [GeneratedRegex(@"```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
