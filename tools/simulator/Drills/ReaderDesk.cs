using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Simulator.Drills;

/// <summary>The tele-ECG centre's reader: works the worklist, confirming flagged STEMIs and rejecting the rest.</summary>
public sealed class ReaderDesk(CallInvoker channel, DrillMetrics metrics, TimeProvider time)
{
    public async Task Work(CancellationToken cancellation)
    {
        var readings = new EcgReadingService.EcgReadingServiceClient(channel);
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    var worklist = await readings.GetWorklistAsync(new GetWorklistRequest(), cancellationToken: cancellation);
                    foreach (var entry in worklist.Entries.Where(e => e.Status == ReadingStatus.Waiting && e.LatestFindings is not null))
                    {
                        await Read(readings, entry, cancellation);
                    }
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Aborted)
                {
                    // A silo is being replaced: the worklist is read again in a second.
                }

                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellation);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || (e is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
        {
            // The drill is over.
        }
    }

    private async Task Read(EcgReadingService.EcgReadingServiceClient readings, WorklistEntry entry, CancellationToken cancellation)
    {
        try
        {
            await readings.RecordReadingAsync(new RecordReadingRequest
            {
                CaseId = entry.CaseId,
                CommandId = $"{entry.CaseId}/reading",
                Result = entry.StemiFlagged ? ReadingResult.StemiConfirmed : ReadingResult.StemiRejected,
            }, cancellationToken: cancellation);
            Interlocked.Increment(ref metrics.Counters.Readings);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            // The patient arrived or the case closed first: the reading is no longer the prehospital one.
        }
    }
}
