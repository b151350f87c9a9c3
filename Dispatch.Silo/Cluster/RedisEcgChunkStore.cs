using Dispatch.Contracts.Recording;
using Dispatch.Grains.Recording;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Dispatch.Silo.Cluster;

/// <summary>
/// ECG chunks in one Redis list per case. A chunk is appended only when it is the next in line
/// (checked inside Redis, so two activations of a recording during a failover cannot interleave
/// or duplicate chunks); the reply comes after Redis has taken the write, and with
/// <c>appendfsync always</c> after it is on disk.
/// </summary>
public sealed class RedisEcgChunkStore(RedisConnection redis, Serializer<EcgChunkData> serializer, ClusterSettings settings) : IEcgChunkStore
{
    /// <summary>1: appended; 0: this very chunk is already stored (a resend); -1: the list does not end at sequence-1.</summary>
    private static readonly LuaScript AppendNext = LuaScript.Prepare(
        """
        local n = redis.call('LLEN', @key)
        local seq = tonumber(@sequence)
        if n == seq - 1 then
          redis.call('RPUSH', @key, @chunk)
          return 1
        end
        if n >= seq and redis.call('LINDEX', @key, seq - 1) == @chunk then
          return 0
        end
        return -1
        """);

    public async Task Append(EcgChunkData chunk)
    {
        var database = await redis.Database();
        var key = Key(chunk.CaseId);
        var result = (int)await database.ScriptEvaluateAsync(AppendNext,
            new { key, sequence = chunk.Sequence, chunk = (RedisValue)serializer.SerializeToArray(chunk) });
        if (result < 0)
        {
            var stored = await database.ListLengthAsync(key);
            throw new InvalidOperationException(
                $"ECG chunk {chunk.Sequence} of case {chunk.CaseId} does not follow the {stored} chunks stored in Redis; not stored");
        }
    }

    public async Task<IReadOnlyList<EcgChunkData>> Read(string caseId)
    {
        var values = await (await redis.Database()).ListRangeAsync(Key(caseId));
        return [.. values.Select(v => serializer.Deserialize((byte[])v!) ?? throw new InvalidOperationException($"an empty ECG chunk is stored for case {caseId}"))];
    }

    private RedisKey Key(string caseId) => $"{settings.ServiceId}/ecg/{caseId}";
}
