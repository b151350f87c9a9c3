using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Audit;

/// <summary>
/// An append-only audit trail in one JSON-lines file per UTC day. Entries are queued and written
/// in batches by one background writer, so a grain or a gRPC call never waits on the disk; each
/// batch is flushed before the next is taken.
/// </summary>
public sealed partial class FileAuditTrail(AuditOptions options, TimeProvider time, ILogger<FileAuditTrail> logger) : BackgroundService, IAuditTrail
{
    // A file for people and log tools, never embedded in HTML: arrows and quotes stay as they are.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Channel<AuditEntry> _queue = Channel.CreateUnbounded<AuditEntry>(new UnboundedChannelOptions { SingleReader = true });

    public string DirectoryPath { get; } = Path.GetFullPath(options.Directory);

    public void Record(AuditEntry entry) => _queue.Writer.TryWrite(entry);

    public string PathFor(DateTimeOffset day) =>
        Path.Combine(DirectoryPath, string.Create(CultureInfo.InvariantCulture, $"audit-{day.UtcDateTime:yyyy-MM-dd}.jsonl"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(DirectoryPath);
        var lastPruned = DateOnly.MinValue;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                lastPruned = Prune(lastPruned);
                await WriteBatch();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is written below.
        }

        await WriteBatch();
    }

    private async Task WriteBatch()
    {
        var byDay = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (_queue.Reader.TryRead(out var entry))
        {
            var path = PathFor(entry.At);
            if (!byDay.TryGetValue(path, out var lines))
            {
                byDay[path] = lines = [];
            }

            lines.Add(JsonSerializer.Serialize(entry, Json));
        }

        foreach (var (path, lines) in byDay)
        {
            await File.AppendAllLinesAsync(path, lines);
        }
    }

    private DateOnly Prune(DateOnly lastPruned)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today == lastPruned)
        {
            return lastPruned;
        }

        var oldest = today.AddDays(-options.RetentionDays);
        foreach (var file in Directory.EnumerateFiles(DirectoryPath, "audit-*.jsonl"))
        {
            if (DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file)["audit-".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) &&
                day < oldest)
            {
                File.Delete(file);
                LogPruned(logger, file, options.RetentionDays);
            }
        }

        return today;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted audit file {File}: older than {Days} days")]
    private static partial void LogPruned(ILogger logger, string file, int days);
}
