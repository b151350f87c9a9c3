using System.Runtime.InteropServices;
using Dispatch.Simulator.Commands;

// Ctrl+C or SIGTERM stops the run in hand and its embedded engines; a second one ends the process at once.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await CommandLine.Run(args, Console.Out, Console.Error, stop.Token);

void Stop(PosixSignalContext signal)
{
    signal.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
}
