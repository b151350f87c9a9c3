using Dispatch.Simulator.Commands;

return await CommandLine.Run(args, Console.Out, Console.Error);
