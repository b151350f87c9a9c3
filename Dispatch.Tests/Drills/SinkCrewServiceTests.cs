using Dispatch.Contracts.V1;
using Dispatch.Simulator.Stress;
using Dispatch.Tests.Support;
using Grpc.Core;

namespace Dispatch.Tests.Drills;

/// <summary>
/// Stress mode's bare sink, called directly. A crew that hangs up resets its stream, and under load
/// the read fails ("the client reset the request stream") before the call's cancellation is
/// signalled: the sink must take that as the end of the stream, not fail the call (gRPC then logs
/// each failed call with its stack trace: thousands as the latency floor's crews hung up).
/// </summary>
public sealed class SinkCrewServiceTests
{
    [Fact]
    public async Task ACrewHangingUp_EndsItsStreamQuietly_AfterAcknowledgingWhatCame()
    {
        var reader = new HangingUpReader<CrewMessage>(new CrewMessage { Ecg = new EcgChunk { CaseId = "case-1", Sequence = 7 } });
        var writer = new RecordingWriter();

        await new SinkCrewService().Connect(reader, writer, new UnitServerCallContext());

        var ack = Assert.Single(writer.Written).EcgAck;
        Assert.Equal(("case-1", 7UL), (ack.CaseId, ack.Sequence));
    }

    private sealed class RecordingWriter : IServerStreamWriter<CrewUpdate>
    {
        public List<CrewUpdate> Written { get; } = [];

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(CrewUpdate message)
        {
            Written.Add(message);
            return Task.CompletedTask;
        }
    }
}
