using Dispatch.Ecg.Analysis;

namespace Dispatch.Tests.Ecg;

public sealed class SortingNetworkTests
{
    /// <summary>
    /// The 0-1 principle: a network of compare-exchanges that sorts every sequence of zeros and ones
    /// sorts every sequence. Checked for every count up to 16, every one of its 2^count inputs.
    /// </summary>
    [Fact]
    public void SortsEverySequenceOfZerosAndOnes_UpToSixteen()
    {
        for (var count = 1; count <= 16; count++)
        {
            var network = SortingNetwork.For(count);
            for (var bits = 0; bits < 1 << count; bits++)
            {
                var values = Enumerable.Range(0, count).Select(i => (bits >> i) & 1).ToArray();
                Run(network, values);
                Assert.True(values.SequenceEqual(values.Order()), $"count {count}, input {Convert.ToString(bits, 2)}: {string.Join("", values)}");
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(33)]
    [InlineData(53)]
    [InlineData(64)]
    [InlineData(100)]
    public void TheMedianNetwork_PutsTheMiddleValuesInTheMiddle_AndKeepsEveryValue(int count)
    {
        var random = new Random(count);
        for (var trial = 0; trial < 2000; trial++)
        {
            // Few distinct values, so ties are common.
            var values = Enumerable.Range(0, count).Select(_ => random.Next(trial % 2 == 0 ? 5 : 1000)).ToArray();
            var sorted = values.Order().ToArray();

            Run(SortingNetwork.ForMedian(count), values);

            Assert.Equal(sorted[count / 2], values[count / 2]);
            Assert.Equal(sorted[(count - 1) / 2], values[(count - 1) / 2]);
            Assert.Equal(sorted, values.Order().ToArray());
        }
    }

    [Fact]
    public void TheMedianNetwork_LeavesOutExchangesTheMiddleDoesNotDependOn()
    {
        Assert.True(SortingNetwork.ForMedian(13).Length < SortingNetwork.For(13).Length);
        Assert.True(SortingNetwork.ForMedian(32).Length < SortingNetwork.For(32).Length);
    }

    private static void Run(int[] network, int[] values)
    {
        for (var i = 0; i < network.Length; i += 2)
        {
            var (low, high) = (network[i], network[i + 1]);
            Assert.True(low < high && high < values.Length);
            (values[low], values[high]) = (Math.Min(values[low], values[high]), Math.Max(values[low], values[high]));
        }
    }
}
