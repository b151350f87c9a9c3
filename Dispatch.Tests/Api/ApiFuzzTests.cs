using System.Collections.Concurrent;
using System.Globalization;
using Dispatch.Api.Security;
using Dispatch.Contracts.V1;
using Dispatch.Tests.Support;
using Dispatch.Tests.Support.Fuzzing;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Tests.Api;

/// <summary>
/// 100,000 random and mutated messages at the API, unary and on crew streams, from every kind of
/// caller. Every answer must be a deliberate status, the engine must log no error, and afterwards
/// nothing stored before is lost and cases, ambulances and hospitals still agree.
/// Set DISPATCH_FUZZ_SEED to replay a run.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class ApiFuzzTests(FuzzEngineFixture engine) : IClassFixture<FuzzEngineFixture>
{
    private const int UnaryMessages = 40_000;
    private const int StreamMessages = 60_000;
    private const int Workers = 8;

    /// <summary>What the server says when it could not have meant to: a thrown exception, or a framework failure.</summary>
    private static readonly StatusCode[] Unhandled = [StatusCode.Unknown, StatusCode.Internal, StatusCode.DataLoss, StatusCode.Unavailable, StatusCode.DeadlineExceeded];

    private readonly int _seed = int.TryParse(Environment.GetEnvironmentVariable("DISPATCH_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261124;
    private readonly ConcurrentDictionary<StatusCode, int> _outcomes = new();
    private readonly ConcurrentQueue<string> _unhandled = new();

    [Fact]
    public async Task AHundredThousandRandomAndMutatedMessages_CrashNothing_AndCorruptNothing()
    {
        var world = await FuzzWorld.Seed(engine, cases: Workers);
        var errorsBefore = engine.Log.Lines.Count(IsError);

        var unary = FuzzUnary(world);
        var streams = FuzzCrewStreams(world);
        await Task.WhenAll(unary, streams);

        var violations = await EngineInvariants.Check(engine.Channel, world.Cases);
        var errors = engine.Log.Lines.Where(IsError).Skip(errorsBefore).Take(5).ToList();
        var stillServes = await FuzzWorld.Seed(engine, cases: 1, tag: "after");
        var report = $"seed {_seed}; outcomes: {string.Join(", ", _outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}";

        Assert.True(_outcomes.Values.Sum() >= UnaryMessages + StreamMessages, report);
        Assert.True(_unhandled.IsEmpty, $"{report}\n{string.Join('\n', _unhandled.Take(10))}");
        Assert.True(errors.Count == 0, $"{report}\nthe engine logged errors:\n{string.Join('\n', errors)}");
        Assert.True(violations.Count == 0, $"{report}\n{string.Join('\n', violations)}");
        Assert.NotEmpty(stillServes.Cases[0].HospitalId);
    }

    private async Task FuzzUnary(FuzzWorld world)
    {
        var methods = ApiRequests.Methods.Where(m => !m.IsClientStreaming && !m.IsServerStreaming).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, UnaryMessages), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, _) =>
        {
            var random = new Random(HashCode.Combine(_seed, i));
            var method = methods[random.Next(methods.Count)];
            var own = world.Cases[random.Next(world.Cases.Count)];
            var json = ApiRequests.Fill(ApiRequests.Key(method), own.CaseId, own.CaseId, own.AmbulanceId, own.HospitalId, $"fuzz-{i}");
            var bytes = Fuzz(JsonParser.Default.Parse(json, method.InputType), random, world);
            var channel = world.AnyCaller(random, own);
            try
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await channel.CreateCallInvoker().AsyncUnaryCall(RawCall.For(method), null, new CallOptions(cancellationToken: deadline.Token), bytes);
                Count(StatusCode.OK, method, "");
            }
            catch (RpcException e)
            {
                Count(e.StatusCode, method, e.Status.Detail);
            }
        });
    }

    private async Task FuzzCrewStreams(FuzzWorld world)
    {
        var connect = ApiRequests.Methods.Single(m => ApiRequests.Key(m) == "CrewService/Connect");
        await Parallel.ForEachAsync(Enumerable.Range(0, Workers), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (worker, _) =>
        {
            var random = new Random(HashCode.Combine(_seed, "crew", worker));
            var own = world.Cases[worker];
            var channel = world.CrewOf(own.AmbulanceId);
            var sent = 0;
            while (sent < StreamMessages / Workers)
            {
                sent += await OneCrewStream(channel, connect, own, random, StreamMessages / Workers - sent, world);
            }
        });
    }

    /// <summary>Sends fuzzed crew messages until the stream ends or the quota is met; returns how many went.</summary>
    private async Task<int> OneCrewStream(GrpcChannel channel, MethodDescriptor connect, SeededCase own, Random random, int quota, FuzzWorld world)
    {
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(RawCall.For(connect), null, new CallOptions());
        var drain = Task.Run(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        var sent = 0;
        try
        {
            await call.RequestStream.WriteAsync(new CrewMessage { Hello = new CrewHello { AmbulanceId = own.AmbulanceId } }.ToByteArray());
            for (; sent < quota; sent++)
            {
                var message = FuzzWorld.CrewMessageFor(own, random, sent);
                await call.RequestStream.WriteAsync(Fuzz(message, random, world));
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The server ended the stream (a message it could not read); its status is read below.
        }

        try
        {
            await drain;
            Count(StatusCode.OK, connect, "", sent);
        }
        catch (RpcException e)
        {
            Count(e.StatusCode, connect, e.Status.Detail, Math.Max(sent, 1));
        }

        return Math.Max(sent, 1);
    }

    /// <summary>A valid message (1 in 10), one mutated field by field (7 in 10), or its bytes damaged (2 in 10).</summary>
    private static byte[] Fuzz(IMessage valid, Random random, FuzzWorld world) => random.Next(10) switch
    {
        0 => valid.ToByteArray(),
        < 8 => new MessageMutator(random, world.KnownIds).Mutate(valid, random.Next(1, 5)).ToByteArray(),
        _ => ByteMutator.Damage(valid.ToByteArray(), random),
    };

    private void Count(StatusCode code, MethodDescriptor method, string detail, int messages = 1)
    {
        _outcomes.AddOrUpdate(code, messages, (_, n) => n + messages);
        if (Unhandled.Contains(code) && _unhandled.Count < 50)
        {
            _unhandled.Enqueue($"{ApiRequests.Key(method)}: {code} {detail}");
        }
    }

    /// <summary>A line logged at Error or Critical (its level is the second word).</summary>
    private static bool IsError(string line) => line.Split(' ', 3) is [_, "Error" or "Critical", _];
}
