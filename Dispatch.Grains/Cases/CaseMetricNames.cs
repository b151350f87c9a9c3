namespace Dispatch.Grains.Cases;

/// <summary>The metric names as they appear in snapshots, the API and reports.</summary>
public static class CaseMetricNames
{
    public const string CallToDispatch = "call_to_dispatch";
    public const string FmcToEcg = "fmc_to_ecg";
    public const string FmcToDevice = "fmc_to_device";
    public const string DoorToDevice = "door_to_device";
    public const string DoorInDoorOut = "door_in_door_out";
    public const string DoorToNeedle = "door_to_needle";
    public const string OnsetToDoor = "onset_to_door";
}
