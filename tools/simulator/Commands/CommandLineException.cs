namespace Dispatch.Simulator.Commands;

/// <summary>A command line that cannot be run; the message says what to change.</summary>
public sealed class CommandLineException(string message) : Exception(message)
{
    public CommandLineException()
        : this("invalid command line")
    {
    }

    public CommandLineException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}
