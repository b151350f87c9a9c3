using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>
/// Append-only storage of ECG chunks per case. Appending is O(1) however long the recording
/// grows, which rewriting a grain's whole state on every chunk would not be. A completed
/// <see cref="Append"/> means the chunk is durable in this store.
/// </summary>
public interface IEcgChunkStore
{
    Task Append(EcgChunkData chunk);

    /// <summary>A case's chunks in sequence order (1..n without gaps), none when it has no ECG.</summary>
    Task<IReadOnlyList<EcgChunkData>> Read(string caseId);
}
