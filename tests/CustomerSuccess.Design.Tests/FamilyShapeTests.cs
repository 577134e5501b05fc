using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CustomerSuccess.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerSuccess.Design.Tests;

/// <summary>
/// The five packages look like one family (docs/design.md, "One family of packages"): one DI shape, and files and folders
/// that a newcomer can navigate. The storage, reporting and Orleans packages are held to the same rules.
/// </summary>
public partial class FamilyShapeTests
{
    public static TheoryData<string> Packages { get; } = new(
        "CustomerSuccess.Core", "CustomerSuccess.Revenue", "CustomerSuccess.HealthScoring", "CustomerSuccess.Behaviors", "CustomerSuccess.SuccessPlans",
        "CustomerSuccess.Storage.Sqlite", "CustomerSuccess.Storage.PostgreSql");

    // The Orleans package registers on a silo builder, in the Orleans style (siloBuilder.AddCustomerSuccess), not on a
    // service collection, so the DI-shape tests above do not apply to it; the layout tests below do.
    public static TheoryData<string> LaidOutPackages { get; } = new(
        "CustomerSuccess.Core", "CustomerSuccess.Revenue", "CustomerSuccess.HealthScoring", "CustomerSuccess.Behaviors", "CustomerSuccess.SuccessPlans",
        "CustomerSuccess.Storage.Sqlite", "CustomerSuccess.Storage.PostgreSql", "CustomerSuccess.Orleans");

    public sealed class DesignAccount;

    [Theory]
    [MemberData(nameof(Packages))]
    public void ServiceCollectionExtensions_HaveTheOneShape(string package)
    {
        Type extensions = Assert.Single(Assembly.Load(package).GetExportedTypes(),
            t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal));
        Assert.Equal("Microsoft.Extensions.DependencyInjection", extensions.Namespace);
        MethodInfo[] adds = extensions.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        Assert.Single(adds.Select(m => m.Name).Distinct());
        Assert.All(adds, m => Assert.StartsWith("Add", m.Name, StringComparison.Ordinal));

        var shapes = new List<string>();
        foreach (MethodInfo add in adds)
        {
            ParameterInfo[] parameters = add.GetParameters();
            Assert.Equal(typeof(IServiceCollection), parameters[0].ParameterType);
            Assert.All(parameters, p => Assert.False(p.IsOptional, $"{add}: {p.Name} is optional; overloads say what a call means"));
            shapes.Add(Shape(parameters.Skip(1).Select(p => p.ParameterType).ToArray(), add));
        }

        Assert.Contains("()", shapes);
        Assert.True(!shapes.Contains("(name, configure)") || shapes.Contains("(configure)"), "a named overload comes with the default-name one");
        Assert.Equal(shapes.Count, shapes.Distinct().Count());

        // A builder exactly when more can be registered on it; the service collection otherwise; the same for every overload.
        Type returned = Assert.Single(adds.Select(m => m.ReturnType.IsGenericType ? m.ReturnType.GetGenericTypeDefinition() : m.ReturnType).Distinct());
        Type[] builders = Assembly.Load(package).GetExportedTypes().Where(t => t.Name.Split('`')[0].EndsWith("Builder", StringComparison.Ordinal) && t.Namespace == extensions.Namespace).ToArray();
        if (returned == typeof(IServiceCollection))
        {
            Assert.Empty(builders);
        }
        else
        {
            Assert.Equal(returned, Assert.Single(builders));
            Assert.Equal(typeof(IServiceCollection), returned.GetProperty("Services")?.PropertyType);
            Assert.Contains(returned.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly),
                m => (m.ReturnType.IsGenericType ? m.ReturnType.GetGenericTypeDefinition() : m.ReturnType) == returned);
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void AddX_CalledTwice_RegistersNothingTwice(string package)
    {
        MethodInfo add = Assembly.Load(package).GetExportedTypes()
            .Single(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal))
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.GetParameters().Length == 1);
        if (add.IsGenericMethodDefinition)
        {
            add = add.MakeGenericMethod(typeof(DesignAccount));
        }

        var services = new ServiceCollection();
        add.Invoke(null, [services]);
        int once = services.Count;
        add.Invoke(null, [services]);

        // A configure action is added per call by design (each call may set something); every service is there once.
        string[] twice = services
            .Where(d => !(d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>)))
            .GroupBy(d => (d.ServiceType, Implementation: d.ImplementationType ?? d.ImplementationInstance?.GetType()))
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.ServiceType.Name)
            .ToArray();
        Assert.Empty(twice);
        Assert.True(once > 0);
    }

    [Theory]
    [MemberData(nameof(LaidOutPackages))]
    public void EveryFile_IsInItsPackagesNamespace_AndFoldersAreTheSameGroupings(string package)
    {
        // One namespace per package, the package's name (Core: CustomerSuccess, and CustomerSuccess.Signals for the plugin
        // contract, in Signals/); the DI extensions and builders in Microsoft.Extensions.DependencyInjection, as the platform's are.
        string root = package == "CustomerSuccess.Core" ? "CustomerSuccess" : package;
        var offenders = new List<string>();
        foreach ((string relative, string text) in SourceFiles(package))
        {
            string folder = Path.GetDirectoryName(relative)!.Replace('\\', '/');
            string file = Path.GetFileNameWithoutExtension(relative);
            string expected = folder == "DependencyInjection" && (file.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal) || file.EndsWith("Builder", StringComparison.Ordinal))
                ? "Microsoft.Extensions.DependencyInjection"
                : folder == "Hosting" && (file.EndsWith("SiloBuilderExtensions", StringComparison.Ordinal) || file.EndsWith("SiloBuilder", StringComparison.Ordinal))
                ? "Orleans.Hosting"
                : package == "CustomerSuccess.Core" && folder == "Signals" ? "CustomerSuccess.Signals" : root;
            string? actual = NamespaceLine().Match(text) is { Success: true } m ? m.Groups["name"].Value : null;
            if (actual != expected)
            {
                offenders.Add($"{relative}: namespace {actual ?? "(none)"}, expected {expected}");
            }

            if (folder.Length == 0 && package != "CustomerSuccess.Core")
            {
                offenders.Add($"{relative}: a capability package keeps no type at its root; use one of its folders");
            }

            if (folder.Contains('/', StringComparison.Ordinal))
            {
                offenders.Add($"{relative}: folders are one level deep");
            }

            if (folder != "Configuration" && OptionsClass().IsMatch(text))
            {
                offenders.Add($"{relative}: an options class lives in Configuration/");
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(LaidOutPackages))]
    public void EveryPublicType_HasAFileOfItsOwn_NamedAfterIt(string package)
    {
        var offenders = new List<string>();
        foreach ((string relative, string text) in SourceFiles(package))
        {
            string file = Path.GetFileNameWithoutExtension(relative).Split('.')[0]; // SuccessPlan.Lifecycle.cs is part of SuccessPlan
            string[] types = PublicType().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToArray(); // HealthScorer and HealthScorer<T> are one name
            if (types.Length > 1 || (types.Length == 1 && types[0] != file))
            {
                offenders.Add($"{relative}: {string.Join(", ", types)}");
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(LaidOutPackages))]
    public void TestFiles_MirrorTheSourceFolders(string package)
    {
        // tests/<Package>.Tests/<Folder>/<Type>Tests.cs (or <Type>LawsTests.cs) for src/<Package>/<Folder>/<Type>.cs; worked
        // examples from the sources and the docs in Examples/; helpers without tests anywhere.
        string source = Path.Combine(Repository.Root, "src", package);
        var offenders = new List<string>();
        foreach ((string relative, string text) in TestFiles(package))
        {
            string folder = Path.GetDirectoryName(relative)!.Replace('\\', '/');
            string file = Path.GetFileNameWithoutExtension(relative);
            bool hasTests = TestAttribute().IsMatch(text);
            if (!hasTests || folder == "Examples")
            {
                continue;
            }

            string type = file.EndsWith("LawsTests", StringComparison.Ordinal) ? file[..^"LawsTests".Length]
                : file.EndsWith("Tests", StringComparison.Ordinal) ? file[..^"Tests".Length]
                : file;
            if (type == file || !File.Exists(Path.Combine(source, folder, type + ".cs")))
            {
                offenders.Add($"{relative}: no src/{package}/{(folder.Length == 0 ? string.Empty : folder + "/")}{type}.cs for it to mirror");
            }

            if (!Regex.IsMatch(text, $@"^public (?:sealed )?class {file}\b", RegexOptions.Multiline))
            {
                offenders.Add($"{relative}: its test class is not named {file}");
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(LaidOutPackages))]
    public void TestMethods_AreNamedMemberScenarioExpected(string package)
    {
        string[] offenders = TestFiles(package)
            .SelectMany(f => TestMethod().Matches(f.Text).Select(m => $"{f.Relative}: {m.Groups["name"].Value}"))
            .Where(name => !MemberScenarioExpected().IsMatch(name[(name.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToArray();

        Assert.Empty(offenders);
    }

    private static IEnumerable<(string Relative, string Text)> TestFiles(string package)
    {
        string directory = Path.Combine(Repository.Root, "tests", package + ".Tests");
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path))
            .Where(relative => !relative.StartsWith("obj", StringComparison.Ordinal) && !relative.StartsWith("bin", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => (relative, File.ReadAllText(Path.Combine(directory, relative))));
    }

    [GeneratedRegex(@"^\s+\[(?:Fact|Theory|Property)\b", RegexOptions.Multiline)]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^\s+\[(?:Fact|Theory|Property)\b[^\n]*\n(?:\s+\[[^\n]*\n)*\s+public (?:async Task|void|Property|bool) (?<name>\w+)\(", RegexOptions.Multiline)]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]$")]
    private static partial Regex MemberScenarioExpected();

    private static string Shape(Type[] parameters, MethodInfo add) => parameters switch
    {
        [] => "()",
        // A store's one required setting, as issue 18 names it: AddSqliteStore(path), AddPostgreSqlStore(connectionString).
        [var locator] when locator == typeof(string) && add.Name.EndsWith("Store", StringComparison.Ordinal) => "(locator)",
        [{ IsGenericType: true } action] when action.GetGenericTypeDefinition() == typeof(Action<>) && IsOptions(action) => "(configure)",
        [var name, { IsGenericType: true } action] when name == typeof(string) && action.GetGenericTypeDefinition() == typeof(Action<>) && IsOptions(action) => "(name, configure)",
        _ => throw new Xunit.Sdk.XunitException($"{add}: the overloads are (), (Action<XOptions> configure) and (string name, Action<XOptions> configure), and for a store (string locator)"),
    };

    private static bool IsOptions(Type action) => action.GetGenericArguments()[0].Name.Split('`')[0].EndsWith("Options", StringComparison.Ordinal);

    private static IEnumerable<(string Relative, string Text)> SourceFiles(string package)
    {
        string directory = Path.Combine(Repository.Root, "src", package);
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path))
            .Where(relative => !relative.StartsWith("obj", StringComparison.Ordinal) && !relative.StartsWith("bin", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => (relative, File.ReadAllText(Path.Combine(directory, relative))));
    }

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^public (?:sealed |static |readonly |abstract |partial )*(?:class|struct|record struct|record|enum|interface|delegate [\w<>?]+) (?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex PublicType();

    [GeneratedRegex(@"^public sealed class \w+Options(?:<\w+>)?\s*$", RegexOptions.Multiline)]
    private static partial Regex OptionsClass();
}
