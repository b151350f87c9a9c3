using System.Collections.Immutable;
using Dispatch.Contracts.Recording;

namespace Dispatch.Contracts.Grains;

/// <summary>A case's ECG recording, keyed by case id: stores chunks in order, exactly once.</summary>
[Alias("dispatch.IEcgRecordingGrain")]
public interface IEcgRecordingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the next chunk. A chunk already stored is acknowledged again without storing it
    /// twice; a chunk after a gap is refused so that nothing is silently missing.
    /// </summary>
    [Alias("Append")]
    Task<EcgAppendResult> Append(EcgChunkData chunk);

    // Interleaves: the case asks for it while this grain waits on the case with new ECG findings.
    [Alias("GetLastSequence"), Orleans.Concurrency.AlwaysInterleave]
    Task<long> GetLastSequence();

    [Alias("Read")]
    Task<ImmutableArray<EcgChunkData>> Read();

    /// <summary>The analysis of every complete 10 s window so far, oldest first (at most the last two hours).</summary>
    [Alias("GetFindings")]
    Task<System.Collections.Immutable.ImmutableArray<Ecg.EcgFindings>> GetFindings();
}
