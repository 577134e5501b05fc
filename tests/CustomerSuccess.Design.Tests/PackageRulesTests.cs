using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using CustomerSuccess.Testing;
using Xunit;

namespace CustomerSuccess.Design.Tests;

public class PackageRulesTests
{
    public static TheoryData<string> Packages { get; } = new(
        "CustomerSuccess.Core", "CustomerSuccess.Revenue", "CustomerSuccess.HealthScoring", "CustomerSuccess.Behaviors", "CustomerSuccess.SuccessPlans",
        "CustomerSuccess.Storage.Sqlite", "CustomerSuccess.Storage.PostgreSql", "CustomerSuccess.Orleans");

    public static TheoryData<string> IntegrationPackages { get; } = new("CustomerSuccess.Storage.Sqlite", "CustomerSuccess.Storage.PostgreSql", "CustomerSuccess.Orleans");

    public static TheoryData<string> CapabilityPackages { get; } = new(
        "CustomerSuccess.Revenue", "CustomerSuccess.HealthScoring", "CustomerSuccess.Behaviors", "CustomerSuccess.SuccessPlans");

    [Fact]
    public void Core_ReferencesNoOtherPackageOfOurs() =>
        Assert.Empty(OurReferences("CustomerSuccess.Core"));

    [Theory]
    [MemberData(nameof(CapabilityPackages))]
    public void CapabilityPackage_CompiledReferences_AreCoreOnly(string package) =>
        Assert.All(OurReferences(package), reference => Assert.Equal("CustomerSuccess.Core", reference));

    [Theory]
    [MemberData(nameof(CapabilityPackages))]
    public void CapabilityPackage_ProjectReferences_AreCoreOnly(string package)
    {
        // The project file is the declared dependency; the compiled references above only show what is used.
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", package, package + ".csproj"));
        var references = project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToArray();

        Assert.Equal(["CustomerSuccess.Core"], references);
    }

    [Theory]
    [MemberData(nameof(IntegrationPackages))]
    public void IntegrationPackage_References_CoreAndCapabilityPackagesOnly(string package)
    {
        // The design reference's third layer: on the capability packages and one engine, never on another integration package.
        string[] allowed = ["CustomerSuccess.Core", .. ((IEnumerable<object[]>)CapabilityPackages).Select(row => (string)row[0])];
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", package, package + ".csproj"));
        string[] references = [.. project.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))];

        Assert.All(references, reference => Assert.Contains(reference, allowed));
        Assert.All(OurReferences(package), reference => Assert.Contains(reference, allowed));
    }

    [Fact]
    public void NoPackage_ReferencesAnIntegrationPackage()
    {
        // Only samples and tests take a store, a report or a cluster: a package that did would drag its engine into every user.
        var offenders = Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(p => XDocument.Load(p).Descendants("ProjectReference")
                .Select(r => (Project: Path.GetFileNameWithoutExtension(p), Reference: Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))))
            .Where(r => ((IEnumerable<object[]>)IntegrationPackages).Any(row => (string)row[0] == r.Reference))
            .Select(r => $"{r.Project} -> {r.Reference}")
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void CoreProject_HasNoProjectReferences()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", "CustomerSuccess.Core", "CustomerSuccess.Core.csproj"));
        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_HasItsOwnReadme(string package) =>
        Assert.True(File.Exists(Path.Combine(Repository.Root, "src", package, "README.md")), $"{package} has no README.md");

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_TracksItsPublicApi(string package)
    {
        // PublicApiAnalyzers reads these files; an unlisted public member fails the build (RS0016).
        foreach (string file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            string path = Path.Combine(Repository.Root, "src", package, file);
            Assert.True(File.Exists(path), $"{package} has no {file}");
            Assert.StartsWith("#nullable enable", File.ReadAllText(path), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicTypes_AreImmutableShapes(string package)
    {
        // NodaTime's rule: a public class is sealed (or static), a public struct is readonly.
        var offenders = Load(package).GetExportedTypes()
            .Where(t => !(t.IsInterface || t.IsEnum || typeof(Delegate).IsAssignableFrom(t)))
            .Where(t => t.IsValueType ? !t.IsDefined(typeof(IsReadOnlyAttribute), false) : !t.IsSealed)
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void DependencyInjectionExtensions_LiveInTheMicrosoftNamespace(string package)
    {
        var misplaced = Load(package).GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed)
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Any(m => m.IsDefined(typeof(ExtensionAttribute), false)
                    && m.GetParameters()[0].ParameterType.FullName == "Microsoft.Extensions.DependencyInjection.IServiceCollection"))
            .Where(t => t.Namespace != "Microsoft.Extensions.DependencyInjection")
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(misplaced);
    }

    private static string[] OurReferences(string package) =>
        Load(package).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("CustomerSuccess.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static Assembly Load(string package) => Assembly.Load(package);
}
