namespace Dispatch.Simulator.Commands;

public interface ISimulatorCommand
{
    string Name { get; }

    string Summary { get; }

    /// <summary>Runs the command; <paramref name="stop"/> is Ctrl+C or SIGTERM.</summary>
    Task<int> Run(CommandOptions options, TextWriter output, CancellationToken stop);
}
