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
    private readonly List<int> _fingerprints = [];
    private long _lastSequence;
    private int _sampleRateHz;
    private DateTimeOffset _lastStartedAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var caseId = this.GetPrimaryKeyString();
        _lastSequence = await store.LastSequence(caseId);
        if (_lastSequence > 0)
        {
            var stored = await store.Read(caseId);
            _sampleRateHz = stored[0].SampleRateHz;
            _lastStartedAt = stored[^1].StartedAt;
            _fingerprints.AddRange(stored.Select(EcgChunkFingerprint.Of));
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
            // A resend after a lost ack is answered with the ack again; different samples under a used
            // number would overwrite what a clinician may already have read, so they are refused.
            return EcgChunkFingerprint.Of(chunk) == _fingerprints[(int)chunk.Sequence - 1]
                ? new EcgAppendResult(_lastSequence, Stored: false)
                : throw new RuleException(RuleViolation.InvalidArgument, chunk.Sequence == _lastSequence
                    ? $"ECG chunk {chunk.Sequence} was already stored with different samples; a sequence number is used once"
                    : $"ECG sequence went back from {_lastSequence} to {chunk.Sequence} with samples that differ from the stored chunk");
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

        if (chunk.StartedAt < _lastStartedAt)
        {
            throw new RuleException(RuleViolation.InvalidArgument,
                $"ECG chunk {chunk.Sequence} starts at {chunk.StartedAt:O}, before chunk {_lastSequence} ({_lastStartedAt:O})");
        }

        await store.Append(chunk);
        _fingerprints.Add(EcgChunkFingerprint.Of(chunk));
        _lastSequence = chunk.Sequence;
        _sampleRateHz = chunk.SampleRateHz;
        _lastStartedAt = chunk.StartedAt;
        return new EcgAppendResult(_lastSequence, Stored: true);
    }

    public Task<long> GetLastSequence() => Task.FromResult(_lastSequence);

    public async Task<ImmutableArray<EcgChunkData>> Read() =>
        [.. await store.Read(this.GetPrimaryKeyString())];
}
