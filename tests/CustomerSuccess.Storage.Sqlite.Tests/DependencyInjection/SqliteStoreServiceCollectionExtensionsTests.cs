using System;
using System.IO;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerSuccess.Storage.Sqlite.Tests;

public sealed class SqliteStoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cs-sqlite-di-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void AddSqliteStore_WithAPath_GivesOneStoreForEveryInterface_OnThatFile()
    {
        string path = Path.Combine(_folder, "cs.db");
        using ServiceProvider provider = new ServiceCollection().AddSqliteStore(path).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        SqliteStore store = provider.GetRequiredService<SqliteStore>();

        Assert.Equal(path, store.Path);
        Assert.Same(store, provider.GetRequiredService<IScoreSnapshotStore>());
        Assert.Same(store, provider.GetRequiredService<IOverrideStore>());
        Assert.Same(store, provider.GetRequiredService<IAlertLog>());
        Assert.Same(store, provider.GetRequiredService<IAccountStateStore>());
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AddSqliteStore_WithoutAPath_FailsAtStart_NamingTheOption()
    {
        using ServiceProvider provider = new ServiceCollection().AddSqliteStore().BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SqliteStoreOptions.Path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSqliteStore_Configured_TakesTheBusyTimeout()
    {
        string path = Path.Combine(_folder, "cs.db");
        using ServiceProvider provider = new ServiceCollection()
            .AddSqliteStore(o => (o.Path, o.BusyTimeout) = (path, TimeSpan.FromSeconds(-5)))
            .BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SqliteStoreOptions.BusyTimeout", e.Message, StringComparison.Ordinal);
    }
}
