using Grpc.Core;

namespace Dispatch.Simulator.Commands;

/// <summary>dispatch-sim's commands. Each is a class with a name and a Run method.</summary>
public static class CommandLine
{
    private static readonly ISimulatorCommand[] Commands = [new GenerateRegionCommand(), new EcgValidateCommand(), new DrillCommand(), new StressCommand()];

    /// <summary>Exit code of a run stopped by Ctrl+C or SIGTERM, as a shell reports a process ended by SIGINT.</summary>
    public const int Stopped = 130;

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter errors, CancellationToken stop = default)
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
            return await command.Run(CommandOptions.Parse(args[1..]), output, stop);
        }
        catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // A stop that met a gRPC call in flight comes out of it as Cancelled. The engines the
            // command started are stopped by now: each is disposed on the way out.
            await errors.WriteLineAsync($"dispatch-sim {command.Name}: stopped before the end; no report written");
            return Stopped;
        }
        catch (CommandLineException e)
        {
            await errors.WriteLineAsync($"dispatch-sim {command.Name}: {e.Message}");
            return 2;
        }
    }
}
