using System.Collections.Immutable;
using Dispatch.Contracts.Errors;
using Dispatch.Contracts.Grains;
using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>
/// Orders a case's ECG chunks. The grain's single-threaded turn makes "store n only after n-1"
/// race-free; the chunks themselves go to the append-only <see cref="IEcgChunkStore"/>.
/// </summary>
public sealed class EcgRecordingGrain(IEcgChunkStore store) : Grain, IEcgRecordingGrain
{
    private long _lastSequence;
    private int _sampleRateHz;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var caseId = this.GetPrimaryKeyString();
        _lastSequence = await store.LastSequence(caseId);
        if (_lastSequence > 0)
        {
            _sampleRateHz = (await store.Read(caseId))[0].SampleRateHz;
        }
    }

    public async Task<EcgAppendResult> Append(EcgChunkData chunk)
    {
        EcgChunkRules.Validate(chunk);
        if (chunk.CaseId != this.GetPrimaryKeyString())
        {
            throw new RuleException(RuleViolation.InvalidArgument, $"chunk for case {chunk.CaseId} sent to the recording of {this.GetPrimaryKeyString()}");
        }

        if (chunk.Sequence <= _lastSequence)
        {
            return new EcgAppendResult(_lastSequence, Stored: false);
        }

        if (chunk.Sequence != _lastSequence + 1)
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"ECG sequence gap: the next chunk is {_lastSequence + 1}, got {chunk.Sequence}");
        }

        if (_sampleRateHz != 0 && chunk.SampleRateHz != _sampleRateHz)
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"ECG sample rate changed from {_sampleRateHz} Hz to {chunk.SampleRateHz} Hz within one recording");
        }

        await store.Append(chunk);
        _lastSequence = chunk.Sequence;
        _sampleRateHz = chunk.SampleRateHz;
        return new EcgAppendResult(_lastSequence, Stored: true);
    }

    public Task<long> GetLastSequence() => Task.FromResult(_lastSequence);

    public async Task<ImmutableArray<EcgChunkData>> Read() =>
        [.. await store.Read(this.GetPrimaryKeyString())];
}
