namespace Dispatch.Simulator.Commands;

/// <summary>dispatch-sim's commands. Each is a class with a name and a Run method.</summary>
public static class CommandLine
{
    private static readonly ISimulatorCommand[] Commands = [new GenerateRegionCommand(), new EcgValidateCommand(), new DrillCommand(), new StressCommand()];

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter errors)
    {
        var command = args.Length > 0 ? Commands.FirstOrDefault(c => c.Name == args[0]) : null;
        if (command is null)
        {
            await errors.WriteLineAsync("usage: dispatch-sim <command> [options]\n\ncommands:");
            foreach (var c in Commands)
            {
                await errors.WriteLineAsync($"  {c.Name,-18} {c.Summary}");
            }

            return 2;
        }

        try
        {
            return await command.Run(CommandOptions.Parse(args[1..]), output);
        }
        catch (CommandLineException e)
        {
            await errors.WriteLineAsync($"dispatch-sim {command.Name}: {e.Message}");
            return 2;
        }
    }
}
