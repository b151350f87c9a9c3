using Dispatch.Grains.Recording;

namespace Dispatch.Tests.Grains;

/// <summary>The embedded store's blocks: every chunk's samples get room no other chunk shares.</summary>
public sealed class EcgSampleArenaTests
{
    [Fact]
    public void HandsOutRoomEndToEnd_StartsABlockWhenOneIsFull_AndGivesAnOversizedChunkABlockOfItsOwn()
    {
        var arena = new EcgSampleArena(blockSamples: 4000);

        var first = arena.Take(1500);
        var second = arena.Take(1500);
        var third = arena.Take(1500);
        var oversized = arena.Take(9000);
        var after = arena.Take(100);

        Assert.Same(first.Block, second.Block);
        Assert.Equal((0, 1500), (first.Offset, second.Offset));
        Assert.NotSame(second.Block, third.Block);
        Assert.Equal(0, third.Offset);
        Assert.Equal((9000, 0), (oversized.Block.Length, oversized.Offset));
        Assert.NotSame(third.Block, oversized.Block);
        Assert.NotSame(oversized.Block, after.Block);
        Assert.Equal(4000, after.Block.Length);
    }
}
