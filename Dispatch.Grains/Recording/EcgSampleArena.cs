using System.Runtime.InteropServices;

namespace Dispatch.Grains.Recording;

/// <summary>
/// Where the embedded store keeps samples: end to end in large pinned blocks shared by every case,
/// kept as long as the store (which keeps every case's ECG for the life of the process). Fresh
/// memory costs the kernel a page fault at its first touch: at 500 streams flat out that was one
/// every 4 KB, a tenth of the engine's CPU a chunk (docs/performance.md). On Linux each block is
/// advised as huge pages, one fault every 2 MB. The blocks are in the pinned-object heap, which
/// the GC never moves or copies, so the advice stays true for their addresses.
/// </summary>
internal sealed class EcgSampleArena(int blockSamples = EcgSampleArena.DefaultBlockSamples)
{
    /// <summary>16 MB a block: eight huge pages; what is left at a block's end when a chunk does not fit is at most one chunk.</summary>
    public const int DefaultBlockSamples = 8 << 20;

    private const int HugePageBytes = 2 << 20;

    /// <summary>madvise(2): back the range with transparent huge pages where the kernel allows it.</summary>
    private const int MadviseHugePage = 14;

    private readonly Lock _gate = new();
    private short[]? _block;
    private int _used;

    /// <summary>Room for <paramref name="samples"/> samples: a block and where in it.</summary>
    public (short[] Block, int Offset) Take(int samples)
    {
        lock (_gate)
        {
            if (_block is null || _used + samples > _block.Length)
            {
                _block = NewBlock(Math.Max(blockSamples, samples));
                _used = 0;
            }

            var offset = _used;
            _used += samples;
            return (_block, offset);
        }
    }

    private static short[] NewBlock(int samples)
    {
        var block = GC.AllocateUninitializedArray<short>(samples, pinned: true);
        if (OperatingSystem.IsLinux())
        {
            AdviseHugePages(Marshal.UnsafeAddrOfPinnedArrayElement(block, 0), (long)samples * sizeof(short));
        }

        return block;
    }

    /// <summary>Advice only: where the kernel has huge pages off (or refuses), the block is ordinary memory.</summary>
    private static void AdviseHugePages(nint start, long length)
    {
        // Only whole huge pages inside the block: the advice must not reach memory the GC owns around it.
        var first = (start + HugePageBytes - 1) & ~(nint)(HugePageBytes - 1);
        var end = (start + (nint)length) & ~(nint)(HugePageBytes - 1);
        if (end > first)
        {
            _ = Madvise(first, (nuint)(end - first), MadviseHugePage);
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
