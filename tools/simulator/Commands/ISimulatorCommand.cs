namespace Dispatch.Simulator.Commands;

public interface ISimulatorCommand
{
    string Name { get; }

    string Summary { get; }

    Task<int> Run(CommandOptions options, TextWriter output);
}
