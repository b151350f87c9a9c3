using Dispatch.Simulator.Drills;

namespace Dispatch.Tests.Drills;

/// <summary>A drill report's medians are the engine's (ClinicalDay): with an even count, the mean of the middle two.</summary>
public sealed class ClinicalResultTests
{
    [Fact]
    public void Medians_OfAnEvenCount_AreTheMeanOfTheMiddleTwo_AsOnTheEnginesDashboard()
    {
        var result = new ClinicalResult(4, 0.5, 0, double.NaN, 0, StemiFmcToDeviceMinutes: [130, 80, 100, 60], DoorToNeedleMinutes: [50, 40]);

        Assert.Equal(90.0, result.StemiFmcToDeviceMedian);
        Assert.Equal(45.0, result.DoorToNeedleMedian);
    }

    [Fact]
    public void Medians_OfNoPatients_AreNone()
    {
        var result = new ClinicalResult(0, double.NaN, 0, double.NaN, 0, [], []);

        Assert.Null(result.StemiFmcToDeviceMedian);
        Assert.Null(result.DoorToNeedleMedian);
    }
}
