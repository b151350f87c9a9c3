using Microsoft.Extensions.Hosting;

namespace Dispatch.Simulator.Drills;

/// <summary>
/// An embedded engine's host lifetime: nothing. The simulator's process, not each engine in it,
/// answers Ctrl+C and SIGTERM (see Program.cs): it stops the run in hand, and the run's engines are
/// disposed on the way out.
/// </summary>
internal sealed class SimulatorOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
