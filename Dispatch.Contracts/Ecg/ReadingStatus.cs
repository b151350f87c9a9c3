namespace Dispatch.Contracts.Ecg;

[GenerateSerializer, Alias("dispatch.ReadingStatus")]
public enum ReadingStatus
{
    Waiting = 0,
    Confirmed = 1,
    Rejected = 2,
}
