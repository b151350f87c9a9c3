namespace Dispatch.Simulator.Drills;

/// <summary>What the routing policy did for the patients, in drill minutes.</summary>
public sealed record ClinicalResult(
    int StemiPatients,
    int StemiWithDevice,
    double? StemiFmcToDeviceMedian,
    double StemiWithin120Share,
    int LvoStrokes,
    double LvoAtThrombectomyCentreShare,
    int StrokesWithNeedle,
    double? DoorToNeedleMedian,
    int OutsideOneHourCircle,
    IReadOnlyList<double> StemiFmcToDeviceMinutes,
    IReadOnlyList<double> DoorToNeedleMinutes);
