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
    // Optimised from the first call: a kernel runs thousands of times a second from the moment ECG
    // flows, and under that load tiered compilation left it in slow first-tier code for minutes
    // (docs/performance.md, stress mode).
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
