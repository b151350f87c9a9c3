using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Dispatch.Tests.Support;

/// <summary>
/// A streaming call made by buf curl: requests go in on its standard input as JSON, responses
/// come back on its standard output as a run of JSON documents, which this reads as they arrive.
/// </summary>
internal sealed class BufStream : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly List<JsonElement> _messages = [];
    private int _parsedUpTo;

    private BufStream(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static BufStream Start(Uri engine, string token, string method, string? request = null)
    {
        BufCurl.EnsureInstalled();
        var start = new ProcessStartInfo(BufCurl.Executable) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "curl", "--protocol", "grpc", "--http2-prior-knowledge", "--header", $"Authorization: Bearer {token}", "--data", request ?? "@-", new Uri(engine, method).ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        return new BufStream(Process.Start(start)!);
    }

    public async Task Send(object message)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(message));
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The next response (from the start of the stream, in order) that matches.</summary>
    public async Task<JsonElement> Next(Func<JsonElement, bool> match, string waitingFor, int from = 0)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var index = from;
        while (true)
        {
            lock (_messages)
            {
                for (; index < _messages.Count; index++)
                {
                    if (match(_messages[index]))
                    {
                        return _messages[index];
                    }
                }
            }

            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                lock (_errors)
                {
                    throw new TimeoutException($"buf never brought {waitingFor}; it said: {_errors}");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5_000))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _arrived.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_messages)
        {
            _output.AppendLine(line);
            var bytes = Encoding.UTF8.GetBytes(_output.ToString(_parsedUpTo, _output.Length - _parsedUpTo));
            var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true }));
            var consumed = 0L;
            while (JsonDocument.TryParseValue(ref reader, out var document))
            {
                using (document)
                {
                    _messages.Add(document.RootElement.Clone());
                }

                consumed = reader.BytesConsumed;
            }

            _parsedUpTo += Encoding.UTF8.GetCharCount(bytes, 0, (int)consumed);
        }

        _arrived.Release();
    }
}
