using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dispatch.Tests.Support;

/// <summary>Writes an engine's warnings and errors to a file next to the test results, to read when a test fails.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly BlockingCollection<string> _lines = [];
    private readonly Lock _gate = new();

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
            _lines.Add(line);
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    public void Dispose() => _lines.Dispose();

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
