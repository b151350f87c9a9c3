using Microsoft.Extensions.Logging;

namespace Dispatch.Tests.Support;

/// <summary>Keeps an engine's log (Information and above) in memory for assertions and in a file beside the test assembly, to read when a test fails.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly StreamWriter _file = new(path, append: true);
    private bool _disposed;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _lines.Add(line);
            _file.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _file.Dispose();
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
