using Dispatch.Grains.Hosting;
using Dispatch.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Dispatch.Tests.Support;

/// <summary>One in-process Orleans cluster for every grain test in the collection; tests use fresh keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .UseInMemoryReminderService()
            .ConfigureServices(services => services
                .AddSingleton(provider => new HeldGrainStorage(ActivatorUtilities.CreateInstance<InProcessGrainStorage>(provider)))
                .AddGrainStorage(StorageNames.Dispatch, (provider, _) => provider.GetRequiredService<HeldGrainStorage>())
                .AddSingleton<TimeProvider>(TestClock.Shared)
                .AddSingleton(new Dispatch.Grains.Audit.AuditOptions { Directory = TestRunFolder.NewPath() })
                .AddDispatchGrains(TestRegions.Small()));
    }
}
