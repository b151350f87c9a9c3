using Dispatch.Grains.Metrics;

namespace Dispatch.Simulator.Drills;

/// <summary>What the routing policy did for the patients, in drill minutes.</summary>
public sealed record ClinicalResult(
    int StemiPatients,
    double StemiWithin120Share,
    int LvoStrokes,
    double LvoAtThrombectomyCentreShare,
    int OutsideOneHourCircle,
    IReadOnlyList<double> StemiFmcToDeviceMinutes,
    IReadOnlyList<double> DoorToNeedleMinutes)
{
    public int StemiWithDevice => StemiFmcToDeviceMinutes.Count;

    public double? StemiFmcToDeviceMedian => Statistics.Median(StemiFmcToDeviceMinutes);

    public int StrokesWithNeedle => DoorToNeedleMinutes.Count;

    public double? DoorToNeedleMedian => Statistics.Median(DoorToNeedleMinutes);
}
