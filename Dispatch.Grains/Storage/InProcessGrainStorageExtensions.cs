using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;

namespace Dispatch.Grains.Storage;

public static class InProcessGrainStorageExtensions
{
    /// <summary>Grain state in this process (<see cref="InProcessGrainStorage"/>): for a single silo only, which no other silo could read.</summary>
    public static ISiloBuilder AddInProcessGrainStorage(this ISiloBuilder silo, string name) =>
        silo.ConfigureServices(services => services.AddGrainStorage(name, (provider, _) => ActivatorUtilities.CreateInstance<InProcessGrainStorage>(provider)));
}
