using System;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerSuccess.Storage.PostgreSql.Tests;

public sealed class PostgreSqlStoreServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPostgreSqlStore_WithAConnectionString_GivesOneStoreForEveryInterface()
    {
        (string database, string connectionString) = PostgreSqlStoreTests.CreateDatabase();
        try
        {
            using ServiceProvider provider = new ServiceCollection().AddPostgreSqlStore(connectionString).BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            PostgreSqlStore store = provider.GetRequiredService<PostgreSqlStore>();

            Assert.Same(store, provider.GetRequiredService<IScoreSnapshotStore>());
            Assert.Same(store, provider.GetRequiredService<IOverrideStore>());
            Assert.Same(store, provider.GetRequiredService<IAlertLog>());
            Assert.Same(store, provider.GetRequiredService<IAccountStateStore>());
            Assert.EndsWith("/" + database, store.Location, StringComparison.Ordinal);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            PostgreSqlStoreTests.Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE);");
        }
    }

    [Fact]
    public void AddPostgreSqlStore_WithoutAConnectionString_FailsAtStart_NamingTheOption()
    {
        using ServiceProvider provider = new ServiceCollection().AddPostgreSqlStore().BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString", e.Message, StringComparison.Ordinal);
    }
}
