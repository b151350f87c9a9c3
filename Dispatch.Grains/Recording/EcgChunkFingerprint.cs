using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dispatch.Contracts.Recording;

namespace Dispatch.Grains.Recording;

/// <summary>
/// A hash of a chunk's content, to tell a harmless resend from a different chunk under a used
/// sequence number. Kept in memory only (HashCode is seeded per process) and rebuilt on activation.
/// </summary>
public static class EcgChunkFingerprint
{
    // Compiled optimised at once: under load, tiered compilation left the per-chunk kernels in first-tier code (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Of(EcgChunkData chunk)
    {
        var hash = new HashCode();
        hash.Add(chunk.SampleRateHz);
        hash.Add(chunk.MicrovoltsPerUnit);
        hash.Add(chunk.StartedAt);
        foreach (var lead in chunk.Leads)
        {
            hash.AddBytes(MemoryMarshal.AsBytes(lead.AsSpan()));
        }

        return hash.ToHashCode();
    }
}
